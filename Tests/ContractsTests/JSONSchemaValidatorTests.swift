import SchemaValidation
import Foundation
import TestKit
import Testing
import Contracts
import TestSupport

@Suite("JSONSchemaValidator (draft 2020-12 subset)", .tags(.unit))
struct JSONSchemaValidatorTests {
    static let eventSchema = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "required": ["eventId", "occurredAt", "person", "amount", "month", "kind"],
      "additionalProperties": false,
      "properties": {
        "eventId": {"type": "string", "format": "uuid"},
        "occurredAt": {"type": "string", "format": "date-time"},
        "person": {"$ref": "#/$defs/PersonRef"},
        "amount": {"$ref": "#/$defs/Money"},
        "month": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
        "birthDate": {"type": "string", "format": "date"},
        "kind": {"enum": ["granted", "suspended"]},
        "version": {"const": 1},
        "note": {"type": ["string", "null"], "minLength": 1, "maxLength": 5},
        "members": {"type": "array", "items": {"$ref": "#/$defs/Member"}},
        "target": {"oneOf": [{"$ref": "#/$defs/PersonRef"}, {"type": "string", "pattern": "^[0-9]{6}$"}]},
        "flag": {"anyOf": [{"type": "boolean"}, {"type": "integer", "minimum": 0}]}
      },
      "$defs": {
        "PersonRef": {"type": "string", "pattern": "^pr_[0-9a-f]{64}$"},
        "Money": {"type": "integer", "minimum": 0, "maximum": 100000000},
        "Member": {
          "type": "object",
          "required": ["relation"],
          "properties": {"relation": {"type": "string", "enum": ["spouse", "child"]}, "age": {"type": "integer"}}
        }
      }
    }
    """#

    static let ref = "pr_" + String(repeating: "ab", count: 32)

    func validator() throws -> JSONSchemaValidator { try JSONSchemaValidator(schemaJSON: Self.eventSchema) }

    func validate(_ json: String) throws -> [JSONSchemaValidator.ValidationError] {
        try validator().validate(data: Data(json.utf8))
    }

    var validEvent: String {
        #"{"eventId":"7d444840-9dc0-11d1-b245-5ffdce74fad2","occurredAt":"2025-03-01T08:30:00+08:00","#
            + #""person":"\#(Self.ref)","amount":57700,"month":"2025-03","kind":"granted","version":1,"#
            + #""note":null,"birthDate":"1949-12-31","members":[{"relation":"spouse","age":70}],"target":"620423","flag":true}"#
    }

    @Test func acceptsValidDocument() throws {
        let errors = try validate(validEvent)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func reportsEachViolationWithJSONPointer() throws {
        let json = #"{"eventId":"not-a-uuid","occurredAt":"2025-03-01 08:30","person":"pr_XYZ","amount":12.5,"#
            + #""month":"2025-13","kind":"revoked","version":2,"note":"too long!","birthDate":"1949-02-30","#
            + #""members":[{"relation":"cousin"},{"age":"3"}],"extra":1}"#
        let errors = try validate(json)
        let found = Set(errors.map { "\($0.instancePath) \($0.keyword)" })
        let expected: Set<String> = [
            "/eventId format", "/occurredAt format", "/person pattern", "/amount type", "/month pattern",
            "/kind enum", "/version const", "/note maxLength", "/birthDate format",
            "/members/0/relation enum", "/members/1 required", "/members/1/age type", "/extra additionalProperties",
        ]
        #expect(found == expected, "\(errors)")
        #expect(errors.allSatisfy { !$0.message.isEmpty })
        #expect(errors.contains { $0.description == "#/extra: additionalProperties: property \"extra\" is not allowed" })
    }

    @Test func missingRequiredAtRoot() throws {
        let errors = try validate("{}")
        #expect(errors.count == 6)
        #expect(errors.allSatisfy { $0.instancePath == "" && $0.keyword == "required" })
    }

    @Test func oneOfAndAnyOf() throws {
        func errorsFor(target: String, flag: String) throws -> [String] {
            let json = validEvent.replacingOccurrences(of: #""target":"620423","flag":true"#, with: #""target":\#(target),"flag":\#(flag)"#)
            return try validate(json).map { "\($0.instancePath) \($0.keyword)" }
        }
        #expect(try errorsFor(target: "\"\(Self.ref)\"", flag: "3").isEmpty)
        #expect(try errorsFor(target: "\"62042\"", flag: "false") == ["/target oneOf"])
        #expect(try errorsFor(target: "\"620423\"", flag: "-1") == ["/flag anyOf"])
        #expect(try errorsFor(target: "\"620423\"", flag: "1.5") == ["/flag anyOf"])
    }

    @Test func typesDistinguishBooleansFromNumbers() throws {
        let schema = try JSONSchemaValidator(schemaJSON: #"{"type":"array","items":{"type":"integer"}}"#)
        #expect(try schema.validate(data: Data("[1, 2.0, 0]".utf8)).isEmpty)
        let errors = try schema.validate(data: Data("[true, 1.5, \"1\", null]".utf8))
        #expect(errors.map(\.instancePath) == ["/0", "/1", "/2", "/3"])
        let numbers = try JSONSchemaValidator(schemaJSON: #"{"type":"number","exclusiveMinimum":0}"#)
        #expect(numbers.validate(0.5).isEmpty)
        #expect(numbers.validate(0).map(\.keyword) == ["exclusiveMinimum"])
        #expect(numbers.validate(false).map(\.keyword) == ["type"])
        #expect(try JSONSchemaValidator(schemaJSON: #"{"const":true}"#).validate(1).map(\.keyword) == ["const"])
    }

    @Test func formats() throws {
        let dateTime = try JSONSchemaValidator(schemaJSON: #"{"format":"date-time"}"#)
        for valid in ["2025-03-01T08:30:00Z", "2025-03-01t08:30:00.123456z", "2024-02-29T23:59:60-05:30"] {
            #expect(dateTime.validate(valid).isEmpty, "\(valid)")
        }
        for invalid in ["2025-03-01", "2025-03-01T24:00:00Z", "2025-03-01T08:30:00", "2025-02-29T08:30:00Z",
                        "2025-03-01T08:30:00.Z", "2025-03-01T08:30:00+0800"] {
            #expect(!dateTime.validate(invalid).isEmpty, "\(invalid)")
        }
        let uuid = try JSONSchemaValidator(schemaJSON: #"{"format":"uuid"}"#)
        #expect(uuid.validate(UUID().uuidString).isEmpty)
        #expect(!uuid.validate("7d444840-9dc0-11d1-b245-5ffdce74fad").isEmpty)
        #expect(uuid.validate(42).isEmpty)  // formats only apply to strings
    }

    @Test func validatesEncodedContractTypes() throws {
        let schema = try JSONSchemaValidator(schemaJSON: #"""
        {"type":"object","required":["amount","birthDate","region","sex"],"additionalProperties":false,
         "properties":{"amount":{"type":"integer"},"birthDate":{"type":"string","format":"date"},
                       "region":{"type":"string","pattern":"^[0-9]{6}([0-9]{3}([0-9]{3})?)?$"},
                       "sex":{"enum":["male","female"]}}}
        """#)
        struct Payload: Encodable {
            let amount: Money
            let birthDate: CivilDate
            let region: RegionCode
            let sex: Sex
        }
        let id = try ResidentID("11010519491231002X")
        let payload = Payload(amount: Money(yuan: 577), birthDate: id.birthDate, region: id.region, sex: id.sex)
        let errors = try schema.validate(encoding: payload)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func refsAndBooleanSchemas() throws {
        let schema = try JSONSchemaValidator(schemaJSON: #"""
        {"$defs":{"a~b":{"$ref":"#/%24defs/c~1d"},"c/d":{"type":"string"},"loop":{"$ref":"#/$defs/loop"}},
         "properties":{"x":{"$ref":"#/$defs/a~0b"},"never":false,"any":true,"loop":{"$ref":"#/$defs/loop"},
                       "missing":{"$ref":"#/$defs/nope"}}}
        """#)
        #expect(schema.validate(["x": "ok", "any": [1]]).isEmpty)
        #expect(schema.validate(["x": 1]).map(\.keyword) == ["type"])
        #expect(schema.validate(["never": 1]).map(\.keyword) == ["false"])
        #expect(schema.validate(["loop": 1]).map(\.keyword) == ["$ref"])
        #expect(schema.validate(["missing": 1]).map(\.keyword) == ["$ref"])
        #expect(throws: (any Error).self) { try JSONSchemaValidator(schemaJSON: "{not json") }
    }
}
