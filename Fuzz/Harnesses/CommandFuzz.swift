// libFuzzer harness for the REPL's command parser: CommandLexer (statements and words) and
// CommandContext.parse against every command's declared arguments and options.
//
// Commands are parsed, never run (running them would write files). Any line must split and
// parse or give a CommandError, never crash or hang; quoting a word and splitting it again
// must give the word back.
import Foundation
import ArgumentGraph
@testable import ArgraphREPL

let registry = CommandRegistry.standard

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for statement in CommandLexer.statements(line) {
        let lexed = CommandLexer.words(statement)
        for w in lexed.words {
            let back = CommandLexer.words(CommandLexer.quote(w))
            if back.words != [w] || back.unterminatedQuote {
                fatalError(
                    "quote round trip: \(w.debugDescription) -> \(CommandLexer.quote(w).debugDescription) -> \(back.words)"
                )
            }
        }
        guard !lexed.unterminatedQuote, let name = lexed.words.first else { continue }
        // The named command, or every command in turn for the words after an unknown name.
        let commands =
            registry.command(named: name).map { [$0] } ?? [registry.commands[Int(size) % registry.commands.count]]
        for command in commands {
            do { _ = try CommandContext.parse(Array(lexed.words.dropFirst()), for: command) } catch is CommandError {
            } catch {
                fatalError("parse threw something other than a CommandError: \(error)")
            }
        }
    }
    return 0
}
