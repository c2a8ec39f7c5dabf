import ArgumentGraph

extension TextTable {
    /// The table as lines no wider than `width`, headings in the session's style.
    public func render(width: Int, style: Style) -> [String] { render(width: width, heading: style.heading) }
}
