-- How well each provider converts: accommodations listed, booking requests received, and how many of them were
-- ever confirmed (a booking confirmed and later cancelled still converted) or ended cancelled. conversion_rate is
-- confirmed / requested, NULL for a provider without requests. Every provider that signed up has a row.
--
-- depends_on: factline.accommodation_provider_current, factline.accommodation_history, factline.booking_current, factline.booking_history
-- test not_null: provider_id, accommodations_listed, bookings_requested
-- test unique: provider_id
-- test expression_is_true: bookings_confirmed <= bookings_requested AND bookings_cancelled <= bookings_requested
-- test expression_is_true: conversion_rate IS NULL OR (conversion_rate >= 0 AND conversion_rate <= 1)
-- test accepted_values: provider_kind in ('individual', 'company')
-- test relationships: provider_id -> factline.accommodation_provider_history(entity_id)
WITH listings AS (
    SELECT entity_id AS accommodation_id, provider AS provider_id
    FROM factline.accommodation_history
    WHERE fact_type = 'accommodation.provider' AND valid_to IS NULL
),
ever_confirmed AS (
    SELECT DISTINCT entity_id AS booking_id
    FROM factline.booking_history
    WHERE fact_type = 'booking.status' AND status = 'confirmed'
),
bookings AS (
    SELECT
        l.provider_id,
        COUNT(*) AS requested,
        COUNT(c.booking_id) AS confirmed,
        SUM(CASE WHEN b.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
    FROM factline.booking_current AS b
    JOIN listings AS l ON l.accommodation_id = b.accommodation
    LEFT JOIN ever_confirmed AS c ON c.booking_id = b.entity_id
    GROUP BY l.provider_id
),
listed AS (
    SELECT provider_id, COUNT(*) AS accommodations
    FROM listings
    GROUP BY provider_id
)
SELECT
    p.entity_id AS provider_id,
    p.name AS provider_name,
    p.kind AS provider_kind,
    p.country,
    p.is_active,
    p.first_occurred_at AS signed_up_at,
    COALESCE(l.accommodations, 0) AS accommodations_listed,
    COALESCE(b.requested, 0) AS bookings_requested,
    COALESCE(b.confirmed, 0) AS bookings_confirmed,
    COALESCE(b.cancelled, 0) AS bookings_cancelled,
    CASE WHEN COALESCE(b.requested, 0) = 0 THEN NULL ELSE ROUND(CAST(b.confirmed AS DOUBLE PRECISION) / b.requested, 4) END AS conversion_rate
FROM factline.accommodation_provider_current AS p
LEFT JOIN listed AS l ON l.provider_id = p.entity_id
LEFT JOIN bookings AS b ON b.provider_id = p.entity_id
