import ArgumentGraphFormats
import ArgumentGraphModel
import Foundation

// Writing a graph in any format is a view: DOT is one of the formats, and DOT lives in Export.
extension GraphFile {
    /// The bytes of `graph` in `format`.
    public static func data(of graph: Graph, as format: GraphFormat) -> Data {
        switch format {
        case .arg: Data(ArgWriter.write(graph).utf8)
        case .json: GraphJSON.encode(graph)
        case .aif: AIFWriter.write(graph)
        case .argdown: Data(ArgdownWriter.write(graph).utf8)
        case .graphml: Data(GraphMLWriter.write(graph).utf8)
        case .dot: Data(DOTExporter.write(graph).utf8)
        case .i23: Data(ICCMAWriter.write(graph, format: .i23).utf8)
        case .apx: Data(ICCMAWriter.write(graph, format: .apx).utf8)
        case .tgf: Data(ICCMAWriter.write(graph, format: .tgf).utf8)
        }
    }
}
