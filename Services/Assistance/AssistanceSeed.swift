enum AssistanceSeed { static func main(arguments: [String]) async throws {} }
