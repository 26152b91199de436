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
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
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
        .target(
            name: "Messaging",
            dependencies: [
                "CRdKafka", "Contracts",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/Messaging",
            swiftSettings: strict
        ),
        .target(
            name: "Persistence",
            dependencies: [
                "Contracts", "Messaging",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/Persistence",
            swiftSettings: strict
        ),
        .target(
            name: "ServiceKit",
            dependencies: [
                "Contracts", "Messaging", "Persistence",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/ServiceKit",
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "Contracts", "Messaging", "Persistence", "ServiceKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/TestSupport",
            swiftSettings: strict
        ),
        // What every test target shares: the one set of tags, `eventually`, topic readers.
        // Imports Testing, so only test targets link it.
        .target(
            name: "TestKit",
            dependencies: ["Messaging", "TestSupport"],
            path: "Shared/TestKit",
            swiftSettings: strict
        ),
        // The fault matrix on real processes (issue 8): test kit only, linked by the
        // FaultMatrixTests suite and the fault-bench command, never by a service.
        .target(
            name: "FaultHarness",
            dependencies: [
                "Contracts", "Messaging", "Persistence", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/FaultHarness",
            swiftSettings: strict
        ),
        // Assistance's rules: pure value types over Contracts, so the compiler keeps I/O out of them.
        .target(name: "AssistanceDomain", dependencies: ["Contracts"], path: "Services/Assistance/Domain", swiftSettings: strict),
        .executableTarget(
            name: "Assistance",
            dependencies: ["AssistanceDomain", "ServiceKit"],
            path: "Services/Assistance",
            exclude: ["Domain", "openapi.json", "verification-source.openapi.json"],
            swiftSettings: strict
        ),
        .executableTarget(name: "ElderCare", dependencies: ["ServiceKit"], path: "Services/ElderCare", swiftSettings: strict),
        .executableTarget(name: "ChildProtection", dependencies: ["ServiceKit"], path: "Services/ChildProtection", swiftSettings: strict),
        .executableTarget(name: "SocialOrg", dependencies: ["ServiceKit"], path: "Services/SocialOrg", swiftSettings: strict),
        .executableTarget(name: "Registry", dependencies: ["ServiceKit"], path: "Services/Registry", exclude: ["openapi.json"],
                         swiftSettings: strict),
        .executableTarget(
            name: "EmbeddedKafka",
            dependencies: ["Messaging", "Contracts",
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "UnixSignals", package: "swift-service-lifecycle")],
            path: "Tools/EmbeddedKafka",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "PlatformBenchmark",
            dependencies: ["Messaging", "Persistence", "Contracts", "ServiceKit", "TestSupport", "CRdKafka",
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
            dependencies: ["TestKit", "Contracts", "TestSupport"],
            path: "Tests/ContractsTests",
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PlatformTests",
            dependencies: ["TestKit", "Messaging", "Persistence", "ServiceKit", "TestSupport", "Contracts",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/PlatformTests",
            swiftSettings: strict
        ),
        // Assistance's rules alone: no database, no broker (`swift test --filter AssistanceDomainTests`).
        .testTarget(
            name: "AssistanceDomainTests",
            dependencies: ["AssistanceDomain", "Contracts", "TestKit"],
            path: "Tests/AssistanceDomainTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "AssistanceTests",
            dependencies: ["TestKit", "Assistance", "AssistanceDomain", "ServiceKit", "TestSupport", "Contracts", "Messaging", "Persistence",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/AssistanceTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "RegistryTests",
            dependencies: ["TestKit", "Registry", "ServiceKit", "TestSupport", "Contracts",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/RegistryTests",
            swiftSettings: strict
        ),
    ]
)
