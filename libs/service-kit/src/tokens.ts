/** Injection tokens the service kit provides to every service module. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
export const AVRO_CODEC = Symbol('AVRO_CODEC');
export const SERVICE_METRICS = Symbol('SERVICE_METRICS');
export const RECORD_SENDER = Symbol('RECORD_SENDER');
/** A `SqlDatabase`, migrated, for services that declare `database` in their definition. */
export const DATABASE = Symbol('DATABASE');
/** `(canonical topic) => actual topic`: identity unless a namespace is configured. */
export const RESOLVE_TOPIC = Symbol('RESOLVE_TOPIC');
/** The wall clock, as a function, so domain code gets time passed in and tests can pin it. */
export const CLOCK = Symbol('CLOCK');

export type Clock = () => Date;
