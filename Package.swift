// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "civil-affairs",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "assistance", targets: ["Assistance"]),
        .executable(name: "elder-care", targets: ["ElderCare"]),
        .executable(name: "child-protection", targets: ["ChildProtection"]),
        .executable(name: "social-org", targets: ["SocialOrg"]),
        .executable(name: "registry", targets: ["Registry"]),
        .executable(name: "embedded-kafka", targets: ["EmbeddedKafka"]),
        .executable(name: "civil", targets: ["Civil"]),
        .executable(name: "platform-bench", targets: ["PlatformBenchmark"]),
        .executable(name: "fault-bench", targets: ["FaultBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // jwt-kit 5.8 needs swift-crypto 4.1 or later; postgres-nio and swift-certificates accept both majors.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"6.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // librdkafka from Debian's librdkafka-dev (2.0.2), including the mock cluster API.
        .systemLibrary(
            name: "CRdKafka",
            path: "Shared/CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        .target(
            name: "Contracts",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Shared/Contracts",
            resources: [.copy("Schemas")],
            swiftSettings: strict
        ),
        // Who may do what, and where: the bureau's roles, the principal a token names, region scope and
        // route policies. Pure values over Contracts; ServiceKit verifies tokens into these.
        .target(
            name: "Access",
            dependencies: ["Contracts"],
            path: "Shared/Access",
            swiftSettings: strict
        ),
        // A development identity provider: the key pair `civil token`, the local stack and the test
        // harnesses sign bearer tokens with. Never linked by a service.
        .target(
            name: "DevelopmentTokens",
            dependencies: ["Access", .product(name: "JWTKit", package: "jwt-kit")],
            path: "Shared/DevelopmentTokens",
            swiftSettings: strict
        ),
        // A JSON Schema subset validator: contract tests check events with it, and every service
        // checks its requests against its OpenAPI document with it.
        .target(
            name: "SchemaValidation",
            path: "Shared/SchemaValidation",
            swiftSettings: strict
        ),
        // The suite's services: name, executable, port, database, topics (one list, read by the
        // runtime, the civil command and the consistency test).
        .target(
            name: "ServiceCatalogue",
            dependencies: ["Contracts"],
            path: "Shared/ServiceCatalogue",
            swiftSettings: strict
        ),
        // The librdkafka wrapper: producer, consumer, topic admin, broker probe. Knows nothing of events.
        .target(
            name: "Messaging",
            dependencies: [
                "CRdKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/Messaging",
            swiftSettings: strict
        ),
        // CloudEvents over Kafka: the binary-mode binding of the envelope onto Messaging's records.
        .target(
            name: "EventTransport",
            dependencies: ["Contracts", "Messaging"],
            path: "Shared/EventTransport",
            swiftSettings: strict
        ),
        // librdkafka's mock cluster, for the embedded-kafka tool and the test kits only: no service links it.
        .target(
            name: "EmbeddedBroker",
            dependencies: ["CRdKafka", "Messaging", .product(name: "Logging", package: "swift-log")],
            path: "Shared/EmbeddedBroker",
            swiftSettings: strict
        ),
        .target(
            name: "Persistence",
            dependencies: [
                "Contracts", "Messaging", "EventTransport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/Persistence",
            swiftSettings: strict
        ),
        // The append-only, hash-chained audit log every service keeps: its table (scope `audit`),
        // appends, the auditor's query and the chain verifier. PostgreSQL and swift-crypto only.
        .target(
            name: "Audit",
            dependencies: [
                "Persistence",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/Audit",
            swiftSettings: strict
        ),
        .target(
            name: "ServiceKit",
            dependencies: [
                "Access", "Audit", "Contracts", "Messaging", "Persistence", "SchemaValidation", "ServiceCatalogue",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Shared/ServiceKit",
            swiftSettings: strict
        ),
        // The journal of Registry life events that bureau services keep (its table, handlers, route).
        .target(
            name: "LifeEvents",
            dependencies: [
                "Contracts", "Persistence", "ServiceKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Shared/LifeEvents",
            swiftSettings: strict
        ),
        // The monthly payment roster every allowance is paid by: pure terms, decisions and
        // reconciliation over Contracts, so a service's domain target may use them.
        .target(
            name: "Roster",
            dependencies: ["Contracts"],
            path: "Shared/Roster",
            swiftSettings: strict
        ),
        // The roster on PostgreSQL: its tables (scope `roster`), the set-based generation that pays
        // and writes the outbox in one transaction per region, the payment ledger. A service plugs in
        // with a `RosterScheme` (its entitlements' SQL and its events).
        .target(
            name: "RosterStore",
            dependencies: [
                "Roster", "Contracts", "Persistence",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/RosterStore",
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "Access", "Contracts", "DevelopmentTokens", "Messaging", "EmbeddedBroker", "Persistence", "ServiceKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/TestSupport",
            swiftSettings: strict
        ),
        // What every test target shares: the one set of tags, `eventually`, topic readers, simulated crashes.
        // Imports Testing, so only test targets link it.
        .target(
            name: "TestKit",
            dependencies: ["Contracts", "Messaging", "Persistence", "ServiceKit", "TestSupport"],
            path: "Shared/TestKit",
            swiftSettings: strict
        ),
        // The fault matrix on real processes (issue 8): test kit only, linked by the
        // FaultMatrixTests suite and the fault-bench command, never by a service.
        .target(
            name: "FaultHarness",
            dependencies: [
                "Access", "Contracts", "Messaging", "EventTransport", "Persistence", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/FaultHarness",
            swiftSettings: strict
        ),
        // Assistance's rules: pure value types over Contracts, so the compiler keeps I/O out of them.
        .target(name: "AssistanceDomain", dependencies: ["Contracts", "Roster"], path: "Services/Assistance/Domain", swiftSettings: strict),
        .executableTarget(
            name: "Assistance",
            dependencies: ["AssistanceDomain", "ServiceKit", "LifeEvents", "Roster", "RosterStore",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/Assistance",
            exclude: ["Domain", "verification-source.openapi.json"],
            resources: [.copy("openapi.json")],
            swiftSettings: strict
        ),
        // Each bureau service: its domain (pure types, Contracts only) and the executable that runs it.
        .target(name: "ElderCareDomain", dependencies: ["Contracts"], path: "Services/ElderCare/Domain", swiftSettings: strict),
        .executableTarget(
            name: "ElderCare",
            dependencies: ["ElderCareDomain", "ServiceKit", "LifeEvents", "Roster", "RosterStore",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Services/ElderCare",
            exclude: ["Domain"],
            resources: [.copy("openapi.json")],
            swiftSettings: strict
        ),
        .target(name: "ChildProtectionDomain", dependencies: ["Contracts"], path: "Services/ChildProtection/Domain",
                swiftSettings: strict),
        .executableTarget(name: "ChildProtection", dependencies: ["ChildProtectionDomain", "LifeEvents", "ServiceKit"],
                          path: "Services/ChildProtection", exclude: ["Domain"], swiftSettings: strict),
        .target(name: "SocialOrgDomain", dependencies: ["Contracts"], path: "Services/SocialOrg/Domain", swiftSettings: strict),
        .executableTarget(name: "SocialOrg", dependencies: ["SocialOrgDomain", "ServiceKit"], path: "Services/SocialOrg",
                          exclude: ["Domain"], swiftSettings: strict),
        // The Registry's pure rules: Contracts (and Foundation) only, so the compiler keeps them free of I/O.
        .target(name: "RegistryDomain", dependencies: ["Contracts"], path: "Services/Registry/Domain", swiftSettings: strict),
        .executableTarget(
            name: "Registry",
            dependencies: ["RegistryDomain", "ServiceKit", "LifeEvents", "Contracts", "Persistence",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log")],
            path: "Services/Registry",
            exclude: ["Domain"],
            resources: [.copy("openapi.json")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "EmbeddedKafka",
            dependencies: ["EmbeddedBroker", "Contracts",
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "UnixSignals", package: "swift-service-lifecycle")],
            path: "Tools/EmbeddedKafka",
            swiftSettings: strict
        ),
        // The developer command: the local stack, the demo scenario, seeds, compose blocks.
        .executableTarget(
            name: "Civil",
            dependencies: ["Access", "Contracts", "DevelopmentTokens", "ServiceCatalogue",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "JWTKit", package: "jwt-kit")],
            path: "Tools/Civil",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "PlatformBenchmark",
            dependencies: ["Audit", "Messaging", "EventTransport", "Persistence", "Contracts", "ServiceKit", "TestSupport", "CRdKafka",
                           .product(name: "JWTKit", package: "jwt-kit"),
                           .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            path: "Benchmarks/PlatformBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "FaultBenchmark",
            dependencies: ["FaultHarness"],
            path: "Benchmarks/FaultBenchmark",
            swiftSettings: strict
        ),
        .testTarget(
            name: "FaultMatrixTests",
            dependencies: ["TestKit", "FaultHarness", "TestSupport", "Contracts",
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/FaultMatrixTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "ContractsTests",
            dependencies: ["TestKit", "Contracts", "TestSupport", "SchemaValidation"],
            path: "Tests/ContractsTests",
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PlatformTests",
            dependencies: ["TestKit", "SchemaValidation", "Messaging", "EventTransport", "Persistence", "ServiceKit", "LifeEvents", "TestSupport", "Contracts",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/PlatformTests",
            swiftSettings: strict
        ),
        // Assistance's rules alone: no database, no broker (`swift test --filter AssistanceDomainTests`).
        .testTarget(
            name: "AssistanceDomainTests",
            dependencies: ["AssistanceDomain", "Contracts", "Roster", "TestKit"],
            path: "Tests/AssistanceDomainTests",
            swiftSettings: strict
        ),
        // ElderCare's rules alone: no database, no broker (`swift test --filter ElderCareDomainTests`).
        .testTarget(
            name: "ElderCareDomainTests",
            dependencies: ["ElderCareDomain", "Contracts", "TestKit"],
            path: "Tests/ElderCareDomainTests",
            swiftSettings: strict
        ),
        // The roster's pure rules (`.unit`), and the shared store with a toy program on PostgreSQL.
        .testTarget(
            name: "RosterTests",
            dependencies: ["TestKit", "Roster", "RosterStore", "Contracts", "Persistence", "TestSupport",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/RosterTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "BureauDomainTests",
            dependencies: ["TestKit", "Contracts", "ElderCareDomain", "ChildProtectionDomain"],
            path: "Tests/BureauDomainTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "AssistanceTests",
            dependencies: ["TestKit", "Assistance", "AssistanceDomain", "Roster", "RosterStore", "ServiceKit", "TestSupport", "Contracts", "Messaging", "Persistence",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/AssistanceTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "ElderCareTests",
            dependencies: ["TestKit", "ElderCare", "ElderCareDomain", "Roster", "RosterStore", "ServiceKit", "TestSupport", "Contracts",
                           "Messaging", "Persistence",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/ElderCareTests",
            swiftSettings: strict
        ),
        // Fast: no server, no broker (`swift test --filter RegistryDomainTests` runs without PostgreSQL).
        .testTarget(
            name: "RegistryDomainTests",
            dependencies: ["RegistryDomain", "Contracts", "TestKit"],
            path: "Tests/RegistryDomainTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "RegistryTests",
            dependencies: ["TestKit", "Registry", "RegistryDomain", "ServiceKit", "LifeEvents", "TestSupport", "Contracts", "Messaging",
                           "Persistence",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/RegistryTests",
            swiftSettings: strict
        ),
        // schemathesis against each service's OpenAPI document (issue 9): slow, needs PostgreSQL.
        .testTarget(
            name: "FuzzTests",
            dependencies: ["TestKit", "TestSupport", "ServiceKit", "Registry", "Assistance", "AssistanceDomain", "ElderCare",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/FuzzTests",
            swiftSettings: strict
        ),
        // Roles, region scope and route policies (`.unit`), token verification and the authentication
        // middleware on a test router, and the `civil token` round trip. No database, no broker.
        .testTarget(
            name: "AccessTests",
            dependencies: ["TestKit", "Access", "Audit", "Persistence", "ServiceKit", "Contracts", "DevelopmentTokens", "TestSupport",
                           .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                           .product(name: "JWTKit", package: "jwt-kit"),
                           .product(name: "_CryptoExtras", package: "swift-crypto"),
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/AccessTests",
            swiftSettings: strict
        ),
        // The audit log on PostgreSQL: appends, the auditor's query, append-only refusals and the
        // hash chain's verification (edited and deleted rows).
        .testTarget(
            name: "AuditTests",
            dependencies: ["TestKit", "Audit", "Persistence", "TestSupport",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/AuditTests",
            swiftSettings: strict
        ),
        // Package.swift, the service catalogue, compose/ and the bash bootstrap agree.
        .testTarget(
            name: "CatalogueTests",
            dependencies: ["TestKit", "ServiceCatalogue", "Contracts"],
            path: "Tests/CatalogueTests",
            swiftSettings: strict
        ),
    ]
)
