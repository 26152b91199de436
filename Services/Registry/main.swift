// The Registry service (婚姻登记, 收养登记, 殡葬): the civil registry whose life
// events other bureaus act on. Marriage, divorce and certificates, and death
// records are served here; adoption and funeral records follow the Registry issue.
import ServiceKit

try await ServiceRuntime.run(RegistryService.definition(policy: try FuneralSettings.policy()))
