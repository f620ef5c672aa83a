export { EcrisContext } from './ecris-context';
export { EcrisKafkaTransport, RAW_PATTERN } from './ecris-transport';
export type { EcrisTransportOptions } from './ecris-transport';
export { KeepErrorsFilter } from './keep-errors.filter';
