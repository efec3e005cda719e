-- A booking is confirmed only after it was requested: the bookings whose first 'confirmed' status does not come
-- after their first 'requested' one break the rule.
SELECT c.entity_id AS booking_id, r.requested_at, c.confirmed_at
FROM (
    SELECT entity_id, MIN(valid_from) AS confirmed_at
    FROM factline.booking_history
    WHERE fact_type = 'booking.status' AND status = 'confirmed'
    GROUP BY entity_id
) AS c
LEFT JOIN (
    SELECT entity_id, MIN(valid_from) AS requested_at
    FROM factline.booking_history
    WHERE fact_type = 'booking.status' AND status = 'requested'
    GROUP BY entity_id
) AS r ON r.entity_id = c.entity_id
WHERE r.requested_at IS NULL OR c.confirmed_at <= r.requested_at
