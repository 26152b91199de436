// The Assistance service: social assistance (低保, 特困, 临时救助).
//
//   assistance                  run the service
//   assistance seed …           load a Jingtai-sized county (see AssistanceSeed)
//   assistance bench-roster …   time the monthly roster for a large city (see RosterBenchmark)
import AssistanceDomain
import Foundation
import ServiceKit

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "seed":
    try await AssistanceSeed.main(arguments: Array(arguments.dropFirst()))
case "bench-roster":
    try await RosterBenchmark.main(arguments: Array(arguments.dropFirst()))
default:
    try await ServiceRuntime.run(AssistanceService.definition(
        policy: try AssistancePolicy.fromEnvironment(ProcessInfo.processInfo.environment), sources: [TableDataSource()] + (try HTTPDataSource.configured())))
}
