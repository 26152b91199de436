// Access control is part of the service API: `SecuredRoutes` takes `RoutePolicy`, handlers read `Principal`.
@_exported import Access
