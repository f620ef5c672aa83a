export { EcrisContext } from './ecris-context';
export { EcrisKafkaTransport } from './ecris-transport';
export type { EcrisTransportOptions } from './ecris-transport';
export { KeepErrorsFilter } from './keep-errors.filter';
