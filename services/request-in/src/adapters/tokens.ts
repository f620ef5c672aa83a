/** request-in's configuration (RequestInConfig), built once at start from reference data and the environment. */
export const REQUEST_IN_CONFIG = Symbol('REQUEST_IN_CONFIG');
