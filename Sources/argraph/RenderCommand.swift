import ArgumentParser
import ArgumentGraph
import Foundation

/// `argraph render FILE -o OUT.svg|png|pdf`: draws the graph, or a part of it, with Graphviz.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a graph as SVG, PNG or PDF with Graphviz (needs the graphviz package).",
        discussion:
            "The picture format comes from the extension of -o or from --format. Parts: --around CLAIM [--depth N], --actor ACTOR, --compare A,B, --tag TAG."
    )

    @Argument(help: "The graph file to read.", completion: .file())
    var file: String

    @Option(name: .shortAndLong, help: "The picture to write: .svg, .png or .pdf.", completion: .file())
    var output: String

    @Option(
        name: [.customShort("f"), .long],
        help: "The picture format: svg, png or pdf (default: from the extension of -o).")
    var format: String?

    @OptionGroup var options: ExportOptions

    func validate() throws {
        let f = format ?? URL(fileURLWithPath: output).pathExtension.lowercased()
        if !Graphviz.imageFormats.contains(f) {
            throw ValidationError(
                "cannot tell the picture format from '\(output)'; use -o NAME.svg, .png or .pdf, or --format svg|png|pdf"
            )
        }
    }

    func run() throws {
        let graph = try options.load(file)
        let f = format ?? URL(fileURLWithPath: output).pathExtension.lowercased()
        let data = try CLI.render(graph, options: options.dotOptions, format: f)
        try CLI.emit(data, to: output, binary: true)
    }
}
