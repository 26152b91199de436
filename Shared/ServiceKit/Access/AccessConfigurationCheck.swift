import Hummingbird

/// Refuses to start a service with a route that cannot be access-checked: one registered without
/// a policy (neither through `SecuredRoutes` nor open), or a `.record` region without a resolver.
struct AccessConfigurationCheck {
    let router: Router<ServiceRequestContext>
    let table: RouteTable
    var openPaths: OpenPaths = .standard

    struct Unchecked: Error, CustomStringConvertible {
        let routes: [String]
        var description: String {
            "routes without an enforceable access policy (register them through SecuredRoutes, a .record region with its resolver): "
                + routes.joined(separator: ", ")
        }
    }

    /// The routes without an enforceable policy, sorted.
    var unchecked: [String] {
        let policies = table.policies
        let unlisted = router.routes.compactMap { route -> String? in
            let path = route.path.description
            guard !openPaths.contains(path) else { return nil }
            let operation = RouteTable.operation(method: route.method.rawValue, route: path)
            return policies[operation] == nil ? operation : nil
        }
        return (unlisted + table.misconfigured).sorted()
    }

    func verify() throws {
        let routes = unchecked
        guard routes.isEmpty else { throw Unchecked(routes: routes) }
    }
}
