import ArgumentGraphModel

extension Graph {
    /// The warning for writing this graph in a format that cannot say that premises hold only together, and so
    /// writes each linked relation as one relation per premise (convergent, which is a different argument); nil
    /// when the graph has no linked relation but of the `kept` kinds, those the format writes whole (Argdown:
    /// supports, as premise–conclusion structures). `form` says what each linked relation becomes.
    public func linkedRelationWarning(
        writing format: String, as form: String = "one relation per premise", keeping kept: Set<RelationKind> = []
    ) -> Diagnostic? {
        let linked = relations.indices.filter { relations[$0].isLinked && !kept.contains(relations[$0].kind) }
        guard let first = linked.first else { return nil }
        let more = linked.count > 1 ? " and \(linked.count - 1) more" : ""
        return Diagnostic(
            .warning,
            "\(format) cannot express linked relations: \(linked.count == 1 ? "relation" : "\(linked.count) relations") ('\(label(ofRelation: first))'\(more)) written as \(form)",
            hint: "keep the graph as .arg, JSON or AIF to keep premises together")
    }
}
