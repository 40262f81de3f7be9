// Every /api/v1 route handler is defined here: the HTTP adapter with bearer-token authentication.
import { apiRouteWrapper } from "./api-route";
import { bearerAuthenticator } from "./bearer";

export const defineApiRoute = apiRouteWrapper(bearerAuthenticator());
