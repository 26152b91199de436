// The Registry service (婚姻登记, 收养登记, 殡葬): the civil registry whose life
// events other bureaus act on.
//
//   registry            run the service
//   registry seed …     load a realistic year of records (see RegistrySeed)
import Foundation
import ServiceKit

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "seed" {
    try await RegistrySeed.main(arguments: Array(arguments.dropFirst()))
} else {
    try await ServiceRuntime.run(RegistryService.definition(policy: try FuneralSettings.policy()))
}
