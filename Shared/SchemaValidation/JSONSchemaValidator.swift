import Foundation

/// A small JSON Schema (draft 2020-12 subset) validator.
///
/// Why it exists: our integration contracts are published as JSON Schemas, and contract tests must
/// prove that what the Swift `Codable` types actually emit conforms; and every service validates
/// each request against its own OpenAPI document before a handler sees it (ServiceKit's
/// `RequestValidationMiddleware`), so the document is what the code enforces. No Swift package
/// offers a validator we may depend on; this subset covers the keywords our schemas and documents
/// use and nothing else. Depends on Foundation only.
///
/// Supported: boolean schemas, `type` (string or array; `integer` accepts numbers with zero
/// fraction, as the spec says), `properties`, `required`, `additionalProperties` (`false` or a
/// schema), `items`, `minItems`, `maxItems`, `enum`, `const`, `pattern` (unanchored, as the spec
/// says), `minLength`/`maxLength` (in Unicode code points), `minimum`, `maximum`,
/// `exclusiveMinimum`, `exclusiveMaximum`, `format` (`date`, `date-time`, `uuid`, `int32`, `int64` — asserted,
/// unlike the spec's annotation-only default, because a contract test wants them enforced),
/// `$ref` to JSON pointers within the same document (e.g. `#/$defs/Money`), `allOf`, `anyOf`,
/// `oneOf`. Other keywords (`$schema`, `$id`, `title`, `description`, …) are ignored.
///
/// Input is what `JSONSerialization` produces (or equivalent Swift literals); errors are returned
/// as a list rather than thrown, so a test can show all of them at once.
public struct JSONSchemaValidator: Sendable {
    /// One violation: where in the instance (JSON pointer, `""` = root), which schema keyword, why.
    public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
        public let instancePath: String
        public let keyword: String
        public let message: String

        public init(instancePath: String, keyword: String, message: String) {
            self.instancePath = instancePath
            self.keyword = keyword
            self.message = message
        }

        /// E.g. `#/members/0/birthDate: format: "1949-02-30" is not a valid date`.
        public var description: String { "#\(instancePath): \(keyword): \(message)" }
    }

    /// The schema could not be read.
    public enum SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
        case notJSON(String)
        public var description: String {
            switch self {
            case .notJSON(let reason): "schema is not valid JSON: \(reason)"
            }
        }
    }

    private let root: JSON
    /// Keywords this validator does not check (see `init(schema:ignoring:)`).
    private let ignored: Set<String>

    /// - Parameters:
    ///   - schema: a schema as produced by `JSONSerialization` (dictionary or Bool).
    ///   - ignored: keywords to leave unchecked wherever they appear, e.g. `enum` and `pattern` when
    ///     the caller's own parsing refuses those values with more specific messages; `format:date`
    ///     leaves one string format unchecked.
    public init(schema: Any, ignoring ignored: Set<String> = []) {
        self.root = JSON(schema)
        self.ignored = ignored
    }

    public init(schemaData: Data) throws {
        do {
            let object = try JSONSerialization.jsonObject(with: schemaData, options: [.fragmentsAllowed])
            self.init(schema: object)
        } catch {
            throw SchemaError.notJSON(String(describing: error))
        }
    }

    public init(schemaJSON: String) throws {
        try self.init(schemaData: Data(schemaJSON.utf8))
    }

    /// Validates a `JSONSerialization`-style value. An empty result means valid.
    public func validate(_ instance: Any) -> [ValidationError] {
        var errors: [ValidationError] = []
        validate(JSON(instance), against: root, path: "", depth: 0, errors: &errors)
        return errors
    }

    /// Validates `instance` against the subschema at `pointer` (e.g. `#/components/schemas/Case`),
    /// whose `$ref`s resolve against the whole document: how an OpenAPI document's parts are used.
    public func validate(_ instance: Any, againstSchemaAt pointer: String) -> [ValidationError] {
        guard let schema = resolve(pointer) else {
            return [ValidationError(instancePath: "", keyword: "$ref", message: "cannot resolve \(pointer)")]
        }
        var errors: [ValidationError] = []
        validate(JSON(instance), against: schema, path: "", depth: 0, errors: &errors)
        return errors
    }

    /// Parses `data` as JSON and validates it.
    public func validate(data: Data) throws -> [ValidationError] {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return validate(object)
    }

    /// Encodes `value` with `encoder` and validates the result — the usual contract-test call.
    public func validate<T: Encodable>(encoding value: T, encoder: JSONEncoder = JSONEncoder()) throws -> [ValidationError] {
        try validate(data: encoder.encode(value))
    }

    // MARK: - JSON model

    /// A Sendable copy of a JSONSerialization tree, with booleans told apart from numbers.
    indirect enum JSON: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSON])
        case object([String: JSON])

        init(_ value: Any) {
            switch value {
            case is NSNull:
                self = .null
            case let string as String:
                self = .string(string)
            case let bool as Bool where type(of: value) == Bool.self:
                self = .bool(bool)
            case let number as NSNumber:
                // JSONSerialization yields booleans as NSNumber with objCType "c" (CFBoolean).
                if String(cString: number.objCType) == "c" {
                    self = .bool(number.boolValue)
                } else {
                    self = .number(number.doubleValue)
                }
            case let array as [Any]:
                self = .array(array.map(JSON.init))
            case let object as [String: Any]:
                self = .object(object.mapValues(JSON.init))
            case let int as Int:
                self = .number(Double(int))
            case let double as Double:
                self = .number(double)
            default:
                self = .string(String(describing: value))
            }
        }

        var typeName: String {
            switch self {
            case .null: "null"
            case .bool: "boolean"
            case .number(let n): n.rounded() == n && n.isFinite ? "integer" : "number"
            case .string: "string"
            case .array: "array"
            case .object: "object"
            }
        }

        func isOfType(_ name: String) -> Bool {
            switch (name, self) {
            case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string),
                 ("array", .array), ("object", .object): true
            case ("integer", .number(let n)): n.isFinite && n.rounded() == n
            default: false
            }
        }

        /// Short rendering for messages.
        var brief: String {
            switch self {
            case .null: "null"
            case .bool(let b): String(b)
            case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case .string(let s): "\"\(s.count > 60 ? String(s.prefix(57)) + "..." : s)\""
            case .array(let a): "array(\(a.count))"
            case .object: "object"
            }
        }
    }

    // MARK: - Validation

    private static let maxRefDepth = 64

    private func validate(_ instance: JSON, against schema: JSON, path: String, depth: Int, errors: inout [ValidationError]) {
        func fail(_ keyword: String, _ message: String) {
            errors.append(ValidationError(instancePath: path, keyword: keyword, message: message))
        }

        switch schema {
        case .bool(true): return
        case .bool(false): fail("false", "no value is allowed here"); return
        case .object: break
        default: fail("schema", "schema must be an object or a boolean"); return
        }
        guard case .object(let declared) = schema else { return }
        let keywords = ignored.isEmpty ? declared : declared.filter { !ignored.contains($0.key) }

        if case .string(let reference)? = keywords["$ref"] {
            if depth >= JSONSchemaValidator.maxRefDepth {
                fail("$ref", "reference depth exceeded at \(reference)")
            } else if let target = resolve(reference) {
                validate(instance, against: target, path: path, depth: depth + 1, errors: &errors)
            } else {
                fail("$ref", "cannot resolve \(reference)")
            }
        }

        if let typeSpec = keywords["type"] {
            let names: [String]
            switch typeSpec {
            case .string(let name): names = [name]
            case .array(let items): names = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: names = []
            }
            if !names.contains(where: instance.isOfType) {
                fail("type", "expected \(names.joined(separator: " or ")), got \(instance.typeName)")
            }
        }

        if case .array(let options)? = keywords["enum"], !options.contains(instance) {
            fail("enum", "\(instance.brief) is not one of \(options.map(\.brief).joined(separator: ", "))")
        }

        if let constant = keywords["const"], constant != instance {
            fail("const", "expected \(constant.brief), got \(instance.brief)")
        }

        switch instance {
        case .string(let string):
            validateString(string, keywords: keywords, fail: fail)
        case .number(let number):
            validateNumber(number, keywords: keywords, fail: fail)
        case .array(let items):
            if case .number(let min)? = keywords["minItems"], Double(items.count) < min {
                fail("minItems", "expected at least \(Int(min)) items, got \(items.count)")
            }
            if case .number(let max)? = keywords["maxItems"], Double(items.count) > max {
                fail("maxItems", "expected at most \(Int(max)) items, got \(items.count)")
            }
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() {
                    validate(item, against: itemSchema, path: path + "/\(index)", depth: depth, errors: &errors)
                }
            }
        case .object(let members):
            validateObject(members, keywords: keywords, path: path, depth: depth, errors: &errors)
        case .null, .bool:
            break
        }

        if case .array(let subschemas)? = keywords["allOf"] {
            for subschema in subschemas {
                validate(instance, against: subschema, path: path, depth: depth, errors: &errors)
            }
        }
        if case .array(let subschemas)? = keywords["anyOf"] {
            let matches = subschemas.contains { collect(instance, $0, path, depth).isEmpty }
            if !matches { fail("anyOf", "value matches none of the \(subschemas.count) alternatives") }
        }
        if case .array(let subschemas)? = keywords["oneOf"] {
            let matching = subschemas.filter { collect(instance, $0, path, depth).isEmpty }.count
            if matching != 1 {
                fail("oneOf", "value matches \(matching) of the \(subschemas.count) alternatives, expected exactly 1")
            }
        }
    }

    private func collect(_ instance: JSON, _ schema: JSON, _ path: String, _ depth: Int) -> [ValidationError] {
        var errors: [ValidationError] = []
        validate(instance, against: schema, path: path, depth: depth, errors: &errors)
        return errors
    }

    private func validateObject(
        _ members: [String: JSON], keywords: [String: JSON], path: String, depth: Int,
        errors: inout [ValidationError]
    ) {
        if case .array(let required)? = keywords["required"] {
            for case .string(let name) in required where members[name] == nil {
                errors.append(ValidationError(instancePath: path, keyword: "required",
                                              message: "missing required property \"\(name)\""))
            }
        }
        var properties: [String: JSON] = [:]
        if case .object(let declared)? = keywords["properties"] { properties = declared }
        for name in members.keys.sorted() {
            guard let value = members[name] else { continue }
            let childPath = path + "/" + JSONSchemaValidator.escape(name)
            if let propertySchema = properties[name] {
                validate(value, against: propertySchema, path: childPath, depth: depth, errors: &errors)
            } else if let additional = keywords["additionalProperties"] {
                if additional == .bool(false) {
                    errors.append(ValidationError(instancePath: childPath, keyword: "additionalProperties",
                                                  message: "property \"\(name)\" is not allowed"))
                } else {
                    validate(value, against: additional, path: childPath, depth: depth, errors: &errors)
                }
            }
        }
    }

    private func validateString(_ string: String, keywords: [String: JSON], fail: (String, String) -> Void) {
        let length = string.unicodeScalars.count
        if case .number(let min)? = keywords["minLength"], Double(length) < min {
            fail("minLength", "length \(length) is shorter than \(Int(min))")
        }
        if case .number(let max)? = keywords["maxLength"], Double(length) > max {
            fail("maxLength", "length \(length) is longer than \(Int(max))")
        }
        if case .string(let pattern)? = keywords["pattern"] {
            if let regex = try? NSRegularExpression(pattern: pattern) {
                let range = NSRange(string.startIndex..<string.endIndex, in: string)
                if regex.firstMatch(in: string, range: range) == nil {
                    fail("pattern", "\(JSON.string(string).brief) does not match /\(pattern)/")
                }
            } else {
                fail("pattern", "schema pattern /\(pattern)/ is not a valid regular expression")
            }
        }
        if case .string(let format)? = keywords["format"] {
            let valid: Bool
            switch format {
            case "date": valid = JSONSchemaValidator.isValidDate(string)
            case "date-time": valid = JSONSchemaValidator.isValidDateTime(string)
            case "uuid": valid = JSONSchemaValidator.isValidUUID(string)
            default: valid = true  // unknown formats are annotations only
            }
            if ignored.contains("format:\(format)") { return }
            if !valid { fail("format", "\(JSON.string(string).brief) is not a valid \(format)") }
        }
    }

    private func validateNumber(_ number: Double, keywords: [String: JSON], fail: (String, String) -> Void) {
        let shown = JSON.number(number).brief
        if case .number(let min)? = keywords["minimum"], number < min {
            fail("minimum", "\(shown) is less than \(JSON.number(min).brief)")
        }
        if case .number(let max)? = keywords["maximum"], number > max {
            fail("maximum", "\(shown) is greater than \(JSON.number(max).brief)")
        }
        if case .number(let min)? = keywords["exclusiveMinimum"], number <= min {
            fail("exclusiveMinimum", "\(shown) is not greater than \(JSON.number(min).brief)")
        }
        if case .number(let max)? = keywords["exclusiveMaximum"], number >= max {
            fail("exclusiveMaximum", "\(shown) is not less than \(JSON.number(max).brief)")
        }
        // OpenAPI's integer formats: a value the server's Int32/Int64 cannot hold is invalid.
        if case .string(let format)? = keywords["format"] {
            let bound: Double? = switch format {
            case "int32": Double(Int32.max)
            case "int64": 0x1p63 - 1  // Int64.max, rounded up to 2^63 in a Double
            default: nil
            }
            if let bound, !(number >= -bound - 1 && number < bound + 1) {
                fail("format", "\(shown) is not a valid \(format)")
            }
        }
    }

    // MARK: - References

    /// Resolves `#` or `#/a/b` (JSON pointer, with `~0`/`~1` and percent-escapes) against the root.
    private func resolve(_ reference: String) -> JSON? {
        guard reference.hasPrefix("#") else { return nil }
        let pointer = String(reference.dropFirst()).removingPercentEncoding ?? String(reference.dropFirst())
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var node = root
        for rawToken in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = rawToken.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object(let members):
                guard let next = members[token] else { return nil }
                node = next
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }

    static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    // MARK: - Formats

    /// RFC 3339 full-date: `YYYY-MM-DD`, a real calendar date.
    static func isValidDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
              (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// RFC 3339 date-time: full-date `T` hh:mm:ss[.frac] (`Z` | ±hh:mm); `T`/`Z` case-insensitive.
    static func isValidDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, isValidDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), let second = number(bytes[17..<19]),
              hour <= 23, minute <= 59, second <= 60
        else { return false }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start, index < bytes.count else { return false }
        }
        let zone = bytes[index...]
        if zone.count == 1 { return zone.first == UInt8(ascii: "Z") || zone.first == UInt8(ascii: "z") }
        guard zone.count == 6, let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              zone[zone.startIndex + 3] == UInt8(ascii: ":"),
              let offsetHour = number(zone[(zone.startIndex + 1)..<(zone.startIndex + 3)]),
              let offsetMinute = number(zone[(zone.startIndex + 4)..<(zone.startIndex + 6)])
        else { return false }
        return offsetHour <= 23 && offsetMinute <= 59
    }

    /// RFC 4122 textual form: 8-4-4-4-12 hex digits (any case).
    static func isValidUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte) else { return false }
            }
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy(isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
