import ArgumentGraph
import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgraphREPL

@Suite struct EditingCommandsTests {
    @Test func addARebuttalLinkUndoAndRedo() {
        let (s, out) = Fixture.session()
        let shell = Shell(session: s)
        shell.execute("go top")
        _ = out.take()
        #expect(shell.execute("add claim my-rebuttal --attacks . --tag mine --by alice 'The top claim ignores cost.'"))
        #expect(out.take() == "added claim my-rebuttal; linked: my-rebuttal attacks top; alice asserts my-rebuttal\n")
        let g = s.current.graph
        let r = g.claimIndex(of: "my-rebuttal")
        #expect(r != nil)
        #expect(g.attackers(of: g.claimIndex(of: "top") ?? -1).contains(r ?? -1))
        #expect(g.claims[r ?? 0].tags == ["mine"])
        #expect(s.prompt == "fixture*:top> ")
        shell.execute("undo")
        #expect(out.take() == "undid: add claim my-rebuttal\n")
        #expect(s.current.graph.claimIndex(of: "my-rebuttal") == nil)
        #expect(!s.current.hasUnsavedChanges)
        shell.execute("redo")
        #expect(s.current.graph.claimIndex(of: "my-rebuttal") != nil)
        #expect(!shell.execute("redo"))
        #expect(out.take() == "redid: add claim my-rebuttal\nerror: nothing to redo\n")
    }

    @Test func linkWithWeightAndUnlink() {
        let (s, out) = Fixture.session()
        let shell = Shell(session: s)
        #expect(shell.execute("link fact attacks con weight 0.25 --by bob --note 'the fact says otherwise'"))
        let g = s.current.graph
        let rel = g.relations.last
        #expect(rel?.kind == .attack && rel?.weight == 0.25 && rel?.actor == g.actorIndex(of: "bob"))
        #expect(rel?.note == "the fact says otherwise")
        #expect(shell.execute("unlink fact con"))
        #expect(s.current.graph.relations.count == g.relations.count - 1)
        #expect(!shell.execute("unlink top pro"))
        #expect(
            out.take().hasSuffix(
                "error: no relation from 'top' to 'pro'\n  hint: there is one from 'pro' to 'top': unlink pro top\n"))
        #expect(!shell.execute("link fact likes con"))
        #expect(
            out.take().hasPrefix(
                "error: expected supports, attacks or undercuts, not 'likes'\n  hint: usage: link FROM"))
        #expect(!shell.execute("link fact supports con weight 2"))
        #expect(out.take() == "error: weight '2' is not a number in [0, 1]\n")
        #expect(!shell.execute("link pro supports top --wieght 1"))
        #expect(out.take().hasPrefix("error: unknown option '--wieght' for 'link'\n  hint: did you mean '--weight'?"))
    }

    @Test func unlinkingRemovesUndercutsOfTheRemovedRelation() {
        let (s, _) = Fixture.session()
        #expect(Shell(session: s).execute("unlink fact pro"))
        #expect(s.current.graph.undercutCount == 0)
    }

    @Test func removeClaimTakesItsStancesAndRelationsAlong() {
        let (s, out) = Fixture.session()
        #expect(Shell(session: s).execute("remove con"))
        #expect(out.take() == "removed claim con with 1 stance(s) and 2 relation(s)\n")
        #expect(Shell(session: s).execute("remove actor bob; remove doc1"))
        let g = s.current.graph
        #expect(
            g.actors.map(\.id) == ["alice"] && g.documents.isEmpty && g.stances.count == 1
                && g.stances[0].document == nil)
        #expect(!Shell(session: s).execute("remove nothing-here"))
    }

    @Test func removeANamedRelationWithItsUndercutThenUndoAndRedo() {
        let (s, out) = Fixture.session()
        let shell = Shell(session: s)
        let before = s.current.graph
        #expect(shell.execute("remove r1"))
        #expect(out.take() == "removed relation r1 and 1 undercut(s) of it\n")
        #expect(s.current.graph.relations.count == before.relations.count - 2)
        let after = s.current.graph
        #expect(shell.execute("undo"))
        #expect(s.current.graph == before && !s.current.hasUnsavedChanges)
        #expect(shell.execute("redo"))
        #expect(s.current.graph == after)
        #expect(!shell.execute("remove relation r9"))
        #expect(out.take().hasSuffix("error: unknown relation 'r9'\n"), "r1 is gone: nothing to suggest")
        #expect(shell.execute("undo") && !shell.execute("remove relation r9"))
        #expect(out.take().hasSuffix("error: unknown relation 'r9'\n  hint: did you mean 'r1'?\n"))
    }

    @Test func addStanceActorAndDocument() {
        let (s, out) = Fixture.session()
        let shell = Shell(session: s)
        #expect(shell.execute("add actor carol --name 'Carol Chen' --kind group --role analyst"))
        #expect(shell.execute("add document doc2 --date 2021-05 Second document"))
        #expect(shell.execute("add stance carol denies pro in doc2 --quote 'not a reason' --quote 'at all'"))
        let g = s.current.graph
        let st = g.stances.last
        #expect(g.actor("carol")?.name == "Carol Chen" && g.actor("carol")?.kind == .group)
        #expect(g.document("doc2")?.date?.description == "2021-05")
        #expect(st?.kind == .denies && st?.quotes.map(\.text) == ["not a reason", "at all"])
        _ = out.take()
        #expect(!shell.execute("add stance carol believes pro"))
        #expect(out.take() == "error: unknown stance 'believes'\n  hint: asserts or denies\n")
        #expect(!shell.execute("add claim top Again."))
        #expect(out.take().hasPrefix("error: a claim 'top' already exists"))
        #expect(!shell.execute("add claim 'bad id' Text."))
        #expect(out.take().hasPrefix("error: 'bad id' is not a valid claim id"))
        #expect(!shell.execute("add opinion x"))
        #expect(out.take().hasPrefix("error: cannot add 'opinion'"))
    }

    @Test func saveKeepsCommentsAndUntouchedTextAfterAnEdit() throws {
        let dir = try ScratchDirectory.make("argraph-repl")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("fixture.arg").path
        // Hand-written spacing that the canonical form would change.
        let source = Fixture.text.replacingOccurrences(
            of: "claim con: A reason against the top claim.",
            with: "claim con:   A reason against the top claim.  ")
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        let lg = try LoadedGraph.open(path: path)
        let out = BufferedOutput()
        let s = Session(graphs: [lg], output: out)
        let shell = Shell(session: s)
        #expect(shell.execute("add claim rebut --attacks pro A rebuttal.; link rebut supports con; remove fact; save"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.hasPrefix("# The REPL test fixture.\ngraph fixture\n"))
        #expect(saved.contains("# Why the top claim holds.\nclaim pro: A reason for the top claim.\n"))
        #expect(saved.contains("claim con:   A reason against the top claim.  \n"))
        #expect(saved.contains("claim con:   A reason against the top claim.  \nclaim rebut: A rebuttal.\n\nstance"))
        #expect(!saved.contains("fact"))
        #expect(saved.hasSuffix("attack con -> top\nattack rebut -> pro\nsupport rebut -> con\n"))
        let reread = try ArgReader.read(contentsOf: path).graph
        #expect(reread == s.current.graph)
        #expect(!s.current.hasUnsavedChanges)
        #expect(out.text.hasSuffix("saved \(path) (4 claims, 4 relations)\n"))
    }

    @Test func linkedRelationsLinkUndoSaveAndRemoveWithAPremise() throws {
        let dir = try ScratchDirectory.make("argraph-repl")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("fixture.arg").path
        try Fixture.text.write(toFile: path, atomically: true, encoding: .utf8)
        let out = BufferedOutput()
        let s = Session(graphs: [try LoadedGraph.open(path: path)], output: out)
        let shell = Shell(session: s)
        #expect(shell.execute("link pro + fact attacks con --id r9"))
        #expect(out.take() == "linked: pro + fact attacks con\n")
        #expect(s.current.graph.relations.last?.premises == [1, 3])
        #expect(shell.execute("link con+fact undercuts r9 weight 0.5"))
        #expect(out.take() == "linked: con + fact undercuts r9\n")
        #expect(shell.execute("undo"))
        #expect(shell.execute("save"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.hasSuffix("attack r9: pro + fact -> con\n"))
        #expect(try ArgReader.read(contentsOf: path).graph == s.current.graph)
        _ = out.take()
        #expect(!shell.execute("link pro + + fact attacks con"))
        #expect(out.take().hasPrefix("error: empty premise in 'pro + + fact'"))
        #expect(!shell.execute("link pro + pro attacks con"))
        #expect(out.take().hasPrefix("error: premise 'pro' is repeated in the relation"))
        // Removing the second premise takes the linked relation with it.
        let before = s.current.graph.relations.count
        #expect(shell.execute("remove claim fact"))
        #expect(s.current.graph.relations.count < before)
        #expect(s.current.graph.relations.allSatisfy { !$0.isLinked })
    }

    @Test func premiseAddAndRemoveChangeANamedRelationAndSave() throws {
        let dir = try ScratchDirectory.make("argraph-repl")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.arg").path
        try "# kept\nclaim c: C.\nclaim a: A.\nclaim b: B.\nsupport r: a -> c\n  weight: 0.5\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let out = BufferedOutput()
        let s = Session(graphs: [try LoadedGraph.open(path: path)], output: out)
        let shell = Shell(session: s)
        #expect(shell.execute("premise add r b"))
        #expect(out.take() == "r: a + b -> c\n")
        #expect(shell.execute("save"))
        #expect(
            try String(contentsOfFile: path, encoding: .utf8)
                == "# kept\nclaim c: C.\nclaim a: A.\nclaim b: B.\nsupport r: a + b -> c\n  weight: 0.5\n")
        _ = out.take()
        #expect(shell.execute("premise remove r a"))
        #expect(out.take() == "r: b -> c\n")
        #expect(!shell.execute("premise remove r b"))
        #expect(out.take() == "error: 'r' has no other premise\n  hint: remove the relation: remove relation r\n")
        #expect(!shell.execute("premise ad r a"))
        #expect(out.take() == "error: unknown premise action 'ad'\n  hint: did you mean 'add'?\n")
        #expect(shell.execute("undo"))
        #expect(s.current.graph.relations[0].premises == [1, 2])
    }

    @Test func saveRefusesTheBundledGraphAndUnknownExtensions() {
        let g = LoadedGraph(name: "b", graph: Fixture.parsed().graph, path: "/nonexistent/b.arg", isReadOnly: true)
        let out = BufferedOutput()
        let s = Session(graphs: [g], output: out)
        #expect(!Shell(session: s).execute("save"))
        #expect(!Shell(session: s).execute("save x.txt"))
        #expect(
            out.text
                == "error: the bundled graph is read-only\n  hint: give a file: save my-graph.arg\nerror: cannot tell the format of 'x.txt' from its extension\n  hint: use .arg or .json\n"
        )
    }
}
