// Domain events: written to an outbox in the change's own transaction, dispatched after commit.
export { dispatchAfterCommit, dispatchDomainEvents, drainDomainEventDispatch } from "./dispatch";
export { type DomainEventInput, enqueueDomainEvent, type OutboxEvent } from "./outbox";
export * from "./schemas";
