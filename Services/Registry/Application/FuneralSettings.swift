import Contracts
import Foundation
import RegistryDomain

/// Local funeral policy (惠民殡葬), from the environment with defaults.
///
/// Defaults: free basic services for 低保 and 特困 recipients only; amounts sum to
/// 640 yuan, the average a city like Chengdu paid per family in 2023 (33.805 M yuan
/// for 52,800 families). `REGISTRY_FUNERAL_ALL_RESIDENTS=true` extends the grant to
/// every resident, as some cities do.
enum FuneralSettings {
    static func policy(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> FuneralPolicy {
        func fen(_ name: String, _ fallback: Int64) throws -> Money {
            let key = "REGISTRY_FUNERAL_\(name)_FEN"
            guard let text = environment[key] else { return Money(fen: fallback) }
            guard let value = Int64(text), value >= 0 else {
                throw RuleViolation.invalid("settings.invalid", "\(key)=\(text) must be a non-negative integer number of fen")
            }
            return Money(fen: value)
        }
        return try FuneralPolicy(
            extendToAllResidents: environment["REGISTRY_FUNERAL_ALL_RESIDENTS"] == "true",
            amounts: [
                .transport: try fen("TRANSPORT", 20_000),
                .storage: try fen("STORAGE", 10_000),
                .cremation: try fen("CREMATION", 30_000),
                .ashStorage: try fen("ASH_STORAGE", 4_000),
            ])
    }
}
