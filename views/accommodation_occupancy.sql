-- Occupancy per accommodation and calendar month: the nights confirmed bookings occupy, against the nights of the
-- month. A night two confirmed bookings share (a double booking) is occupied once and counted in overbooked_nights.
-- Cancelled and unconfirmed bookings do not count. A booking's nights are split over the months they fall in.
--
-- depends_on: factline.booking_current, factline.accommodation_history
-- test not_null: accommodation_id, month, occupied_nights
-- test unique: accommodation_id, month
-- test expression_is_true: occupied_nights <= nights_in_month
-- test expression_is_true: occupancy_rate > 0 AND occupancy_rate <= 1
-- test relationships: accommodation_id -> factline.accommodation_history(entity_id)
-- test relationships: provider_id -> factline.accommodation_provider_history(entity_id)
WITH digits AS (
    SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
    UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
),
offsets AS (
    SELECT ones.d + 10 * tens.d + 100 * hundreds.d AS n
    FROM digits AS ones CROSS JOIN digits AS tens CROSS JOIN digits AS hundreds
),
booked_nights AS (
    SELECT b.accommodation AS accommodation_id, b.entity_id AS booking_id, b.check_in + o.n AS night
    FROM factline.booking_current AS b
    JOIN offsets AS o ON o.n < b.check_out - b.check_in
    WHERE b.status = 'confirmed'
),
providers AS (
    SELECT entity_id AS accommodation_id, provider AS provider_id
    FROM factline.accommodation_history
    WHERE fact_type = 'accommodation.provider' AND valid_to IS NULL
),
months AS (
    SELECT
        accommodation_id,
        CAST(DATE_TRUNC('month', night) AS DATE) AS month,
        COUNT(DISTINCT booking_id) AS bookings,
        COUNT(*) AS booked_nights,
        COUNT(DISTINCT night) AS occupied_nights
    FROM booked_nights
    GROUP BY accommodation_id, CAST(DATE_TRUNC('month', night) AS DATE)
)
SELECT
    m.accommodation_id,
    p.provider_id,
    m.month,
    m.bookings,
    m.occupied_nights,
    m.booked_nights - m.occupied_nights AS overbooked_nights,
    CAST(EXTRACT(DAY FROM LAST_DAY(m.month)) AS INTEGER) AS nights_in_month,
    ROUND(CAST(m.occupied_nights AS DOUBLE PRECISION) / EXTRACT(DAY FROM LAST_DAY(m.month)), 4) AS occupancy_rate
FROM months AS m
LEFT JOIN providers AS p ON p.accommodation_id = m.accommodation_id
