import ArgumentGraph
import Foundation

// argraph-bench: times every case of BenchCase.all on every instance in a folder, each case in its
// own process (so that the peak memory reported is that case's), with warm-up runs and the median.

let usage = """
    usage: argraph-bench --data DIR [--runs N] [--warmup N] [--filter TEXT] [--json FILE] [--markdown FILE]
           argraph-bench --list
      --data DIR       instance files (NAME.arg, NAME.json, NAME.i23); every case runs on the files of its input kind
      --runs N         timed runs per case (default 5; 3 when one run takes over 2 s)
      --warmup N       untimed runs first (default 1)
      --filter TEXT    only cases or instances whose name contains TEXT (repeatable; all must match)
      --json FILE      write the results as JSON
      --markdown FILE  write the results as a Markdown table
    """

struct Options {
    var data: String?
    var runs = 5
    var warmup = 1
    var filters: [String] = []
    var json: String?
    var markdown: String?
    var one: String?
    var instance: String?
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("argraph-bench: \(message)\n".utf8))
    exit(2)
}

func parseOptions(_ args: [String]) -> Options {
    var o = Options()
    var i = 0
    func value() -> String {
        i += 1
        guard i < args.count else { fail("\(args[i - 1]) needs a value\n\(usage)") }
        return args[i]
    }
    while i < args.count {
        switch args[i] {
        case "--data": o.data = value()
        case "--runs": o.runs = max(1, Int(value()) ?? 5)
        case "--warmup": o.warmup = max(0, Int(value()) ?? 1)
        case "--filter": o.filters.append(value())
        case "--json": o.json = value()
        case "--markdown": o.markdown = value()
        case "--one": o.one = value()
        case "--instance": o.instance = value()
        case "--list":
            for c in BenchCase.all {
                print(
                    c.name.padding(toLength: 21, withPad: " ", startingAt: 0)
                        + c.input.padding(toLength: 6, withPad: " ", startingAt: 0) + c.summary)
            }
            exit(0)
        case "-h", "--help": print(usage); exit(0)
        default: fail("unknown option '\(args[i])'\n\(usage)")
        }
        i += 1
    }
    return o
}

/// This process's resource usage so far.
func selfUsage() -> rusage {
    var u = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &u)
    #else
        getrusage(RUSAGE_SELF, &u)
    #endif
    return u
}

/// The peak resident memory of this process so far, in kilobytes (Linux reports ru_maxrss in KB, macOS in bytes).
func peakKB() -> Int {
    let u = selfUsage()
    #if os(macOS)
        return Int(u.ru_maxrss) / 1024
    #else
        return Int(u.ru_maxrss)
    #endif
}

/// User plus system CPU time of this process so far, and of the child processes it waited for (a case that
/// runs `argraph`), in seconds: steadier than wall time on a shared machine.
func cpuSeconds() -> Double {
    var children = rusage()
    #if os(Linux)
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
    #else
        getrusage(RUSAGE_CHILDREN, &children)
    #endif
    var total = 0.0
    for u in [selfUsage(), children] {
        total += Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }
    return total
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Child mode: run one case on one instance and print one JSON line.
func runOne(_ o: Options) -> Never {
    guard let name = o.one, let path = o.instance, let c = BenchCase.all.first(where: { $0.name == name }) else {
        fail("--one needs a known case and --instance")
    }
    do {
        let body = try c.prepare(path)
        var times: [Double] = []
        var cpu: [Double] = []
        var runs = o.runs
        var k = 0
        while k < o.warmup + runs {
            let t0 = now(), c0 = cpuSeconds()
            try body()
            let dt = now() - t0, dc = cpuSeconds() - c0
            if k >= o.warmup { times.append(dt); cpu.append(dc) } else if dt > 2 { runs = min(runs, 3) }
            k += 1
        }
        let line: [String: Any] = ["times": times, "cpu": cpu, "maxrss_kb": peakKB()]
        let data = try JSONSerialization.data(withJSONObject: line)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
        exit(0)
    } catch {
        let line = ["error": "\(error)"]
        FileHandle.standardOutput.write((try? JSONSerialization.data(withJSONObject: line)) ?? Data())
        FileHandle.standardOutput.write(Data("\n".utf8))
        exit(1)
    }
}

struct Result: Codable {
    var `case`: String
    var instance: String
    var megabytes: Double
    var median: Double?
    var min: Double?
    var mbPerSecond: Double?
    var cpuMedian: Double?
    var cpuMBPerSecond: Double?
    var peakMB: Double?
    var runs: Int
    var error: String?
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func selfPath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

func machine() -> [String: String] {
    var m: [String: String] = [:]
    if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") })
    {
        m["cpu"] = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
    }
    m["cores"] = String(ProcessInfo.processInfo.activeProcessorCount)
    m["memoryGB"] = String(format: "%.1f", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824)
    return m
}

func format(_ x: Double?, _ digits: Int) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "-" }

func seconds(_ x: Double?) -> String {
    guard let x else { return "-" }
    if x < 0.001 { return String(format: "%.1f µs", x * 1e6) }
    if x < 1 { return String(format: "%.1f ms", x * 1e3) }
    return String(format: "%.2f s", x)
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
if options.one != nil { runOne(options) }
guard let dataDir = options.data else { fail("name the instances with --data DIR\n\(usage)") }
let files = ((try? FileManager.default.contentsOfDirectory(atPath: dataDir)) ?? []).sorted()
if files.isEmpty { fail("no instances in '\(dataDir)'") }

var results: [Result] = []
let header = ["case", "instance", "MB", "median", "min", "MB/s", "CPU", "CPU MB/s", "peak MB"]
var rows: [[String]] = []
func printRow(_ r: [String]) {
    let widths = [20, 34, 8, 10, 10, 8, 10, 9, 8]
    var s = ""
    for (k, cell) in r.enumerated() {
        s +=
            k < 2
            ? cell.padding(toLength: widths[k], withPad: " ", startingAt: 0)
            : String(repeating: " ", count: max(0, widths[k] - cell.count)) + cell
        s += "  "
    }
    FileHandle.standardOutput.write(Data((s + "\n").utf8))
}
printRow(header)
for c in BenchCase.all {
    // A case without input runs once, on no instance ("-").
    let targets =
        c.input.isEmpty
        ? ["-"]
        : files.filter { file in
            file.hasSuffix("." + c.input) && (c.instances.map { $0.contains { file.contains($0) } } ?? true)
        }
    for file in targets {
        let label = c.name + " " + file
        guard options.filters.allSatisfy({ label.contains($0) }) else { continue }
        let path = c.input.isEmpty ? "-" : dataDir + "/" + file
        var st = stat()
        let size = stat(path, &st) == 0 ? Double(st.st_size) / 1e6 : 0
        let p = Process()
        p.executableURL = URL(fileURLWithPath: selfPath())
        p.arguments = [
            "--one", c.name, "--instance", path, "--runs", String(options.runs), "--warmup", String(options.warmup),
        ]
        let pipe = Pipe()
        p.standardOutput = pipe
        var r = Result(case: c.name, instance: file, megabytes: size, runs: 0)
        do {
            try p.run()
            let out = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let obj = (try? JSONSerialization.jsonObject(with: out)) as? [String: Any]
            if let times = obj?["times"] as? [Double], !times.isEmpty {
                r.median = median(times)
                r.min = times.min()
                r.runs = times.count
                r.peakMB = (obj?["maxrss_kb"] as? Int).map { Double($0) / 1024 }
                if let cpu = obj?["cpu"] as? [Double], !cpu.isEmpty { r.cpuMedian = median(cpu) }
                if c.reportsThroughput, let m = r.median, m > 0 { r.mbPerSecond = size / m }
                if c.reportsThroughput, let m = r.cpuMedian, m > 0 { r.cpuMBPerSecond = size / m }
            } else {
                r.error = (obj?["error"] as? String) ?? "exit status \(p.terminationStatus)"
            }
        } catch {
            r.error = "\(error)"
        }
        results.append(r)
        let row = [
            c.name, file, format(size, 1), r.error == nil ? seconds(r.median) : "error", seconds(r.min),
            format(r.mbPerSecond, 1),
            seconds(r.cpuMedian), format(r.cpuMBPerSecond, 1), format(r.peakMB, 0),
        ]
        rows.append(row)
        printRow(row)
        if let e = r.error { FileHandle.standardOutput.write(Data("    \(e)\n".utf8)) }
    }
}

if let json = options.json {
    struct Report: Codable {
        var machine: [String: String]
        var date: String
        var results: [Result]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let report = Report(machine: machine(), date: ISO8601DateFormatter().string(from: Date()), results: results)
    do { try encoder.encode(report).write(to: URL(fileURLWithPath: json)) } catch {
        fail("cannot write '\(json)': \(error)")
    }
}
if let markdown = options.markdown {
    var md =
        "| " + header.joined(separator: " | ") + " |\n|" + header.indices.map { $0 < 2 ? "---|" : "---:|" }.joined()
        + "\n"
    for r in rows { md += "| " + r.joined(separator: " | ") + " |\n" }
    do { try md.write(toFile: markdown, atomically: true, encoding: .utf8) } catch {
        fail("cannot write '\(markdown)': \(error)")
    }
}
