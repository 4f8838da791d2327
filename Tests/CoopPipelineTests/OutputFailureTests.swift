import CoopDomain
import CoopPipeline
import XCTest

/// The output errors keep their cause as a value (CONTRACT §2, §3.0): the message printed is worded
/// from it, and stays the sentence users have always seen.
final class OutputFailureTests: XCTestCase {
    func testEachFailureWordsTheSameSentenceAndKeepsItsCause() {
        let publish = PublishError(operation: "rename", path: "/out/.x", reason: "No space left on device")
        let cases: [(OutputFailure, SysExit, String)] = [
            (
                .reportFile(path: "/out/coopstat.txt", publish), .cantCreate,
                "/out/coopstat.txt: cannot write it (No space left on device); check the output folder's permissions and free space"
            ),
            (
                .reportStep(path: "/out/rejects.csv", StepError(step: "write:rejects.csv")), .cantCreate,
                "/out/rejects.csv: cannot write it (failed at write:rejects.csv); check the output folder"
            ),
            (
                .bookkeeping(publish), .cantCreate,
                "/out/.x: cannot rename (No space left on device); check the output folder's permissions"
            ),
            (
                .folder(publish), .cantCreate,
                "/out/.x: cannot create the folder (No space left on device); check the parent folder's permissions"
            ),
            (.canonicalSample(path: "s.csv", publish), .cantCreate, "s.csv: cannot write it (No space left on device); check free space"),
            (.sampleFile(path: "s.csv", publish), .cantCreate, "s.csv: cannot write it (No space left on device); check permissions"),
        ]
        for (failure, status, message) in cases {
            let error = PipelineError(failure)
            XCTAssertEqual(error.status, status)
            XCTAssertEqual(error.message, message)
            XCTAssertEqual(error.description, message)
            XCTAssertNotNil(error.cause as? OutputFailure)
        }
    }

    func testAnInternalFailureIsSoftwareAndKeepsTheUnderlyingError() {
        let underlying = StepError(step: "encode")
        let error = PipelineError(.summaryEncoding(underlying))
        XCTAssertEqual(error.status, .software)
        XCTAssertEqual(error.message, "internal error: cannot encode summary.json (failed at encode); please report it")
        guard case .summaryEncoding(let cause) = error.cause as? OutputFailure else { return XCTFail("cause is not kept") }
        XCTAssertEqual(cause as? StepError, underlying)
    }
}

/// A stand-in for an error from outside the file system (an injected fault, an encoder).
private struct StepError: Error, Equatable, CustomStringConvertible {
    let step: String
    var description: String { "failed at \(step)" }
}
