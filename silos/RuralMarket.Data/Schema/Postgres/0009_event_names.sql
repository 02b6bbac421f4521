-- Outbox messages are named by DomainEventNames from now on, not by their CLR class: waiting messages are renamed
-- so the handlers still find them.
UPDATE outbox_messages SET type = 'catalog.product-changed' WHERE type = 'ProductChanged';
UPDATE outbox_messages SET type = 'cooperatives.registered' WHERE type = 'CooperativeRegistered';
UPDATE outbox_messages SET type = 'cooperatives.verified' WHERE type = 'CooperativeVerified';
UPDATE outbox_messages SET type = 'cooperatives.changed' WHERE type = 'CooperativeChanged';
UPDATE outbox_messages SET type = 'orders.placed' WHERE type = 'OrderPlaced';
UPDATE outbox_messages SET type = 'orders.status-changed' WHERE type = 'OrderStatusChanged';
