/// Topic names of the suite.
public enum Topics {
    /// One topic per producing domain: `civil.registry.events`, `civil.assistance.events`, …
    public static func events(of domain: Domain) -> String { "civil.\(domain.rawValue).events" }

    /// Reserved for aggregate streams consumed by ministry dashboards.
    public static func stats(of domain: Domain) -> String { "civil.stats.\(domain.rawValue)" }

    /// One dead-letter topic per consumer group.
    public static func deadLetter(group: String) -> String { "civil.dlq.\(group)" }

    /// Every domain's events topic and stats topic.
    public static var domainTopics: [String] {
        Domain.allCases.flatMap { [events(of: $0), stats(of: $0)] }
    }
}

extension Topics {
    /// Each service consumes as the group named after its domain.
    public static func consumerGroup(of domain: Domain) -> String { domain.rawValue }

    /// Everything the suite needs on a broker: events, stats and dead-letter topics.
    public static var all: [String] {
        domainTopics + Domain.allCases.map { deadLetter(group: consumerGroup(of: $0)) }
    }
}
