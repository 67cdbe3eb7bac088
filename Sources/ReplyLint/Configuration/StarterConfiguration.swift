/// The commented `.replylint.yml` that `replylint init` writes: every key with its default,
/// commented out, and every rule listed from the registry so the file never drifts from it.
public enum StarterConfiguration {
    public static var text: String {
        let width = RuleRegistry.all.map { $0.description.id.count }.max() ?? 0
        let rules = RuleRegistry.all.map { rule in
            let description = rule.description
            let padding = String(repeating: " ", count: width - description.id.count)
            let severity = description.defaultSeverity.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            return "#  \(description.id):\(padding) \(severity) # \(description.name)"
        }.joined(separator: "\n")
        return """
        # replylint configuration. replylint uses the nearest .replylint.yml in a file's folder or
        # above (or the one given with --config). Every key is optional; the values shown are the
        # defaults. Uncomment a line to change it.

        # Language of the replies: auto (detected per paragraph), ru, lv or en.
        # language: auto

        # draft: a reply about to be sent; a placeholder left in ([Name], {{deadline}}) is an error.
        # template: reusable texts; placeholders are expected. Default: template for .json and
        # .yaml template libraries, draft for everything else.
        # mode: draft

        # Each rule: off, or a severity (suggestion, warning, error), or a mapping with a severity
        # and options, e.g. long-sentence: {severity: warning, options: {max-words: 20}} (one
        # number, or one per language: {ru: 25, lv: 25, en: 30}). `replylint explain RULE` says
        # why a rule matters.
        # rules:
        \(rules)

        # Your own lexicon files, relative to this file: they add entries or allow words.
        # A file names its rule and languages, e.g. a team that writes "API" to its clients:
        #   rule: jargon
        #   language: [ru, lv, en]
        #   unless: ["=api"]
        # lexicons: [replylint/team-terms.yml]

        # How placeholders are written, and in template mode the placeholder words that stand
        # for what a rule requires.
        # placeholders:
        #   syntax: ["{{name}}", "{name}", "[name]", "%name%", "<<name>>"]
        #   satisfy:
        #     missing-timeline: [deadline, date, due, eta, срок, дата, termiņš, datums]

        # In template libraries (.json, .yaml), only string values under these keys are replies
        # (default: every string value but ids, names, titles, dates and the like).
        # template-keys: [body, text, reply]

        # Files never linted (globs relative to this file; "**" spans folders).
        # ignore: ["archive/**", "*.draft.md"]

        # Settings for some paths only, applied in order over the ones above.
        # overrides:
        #   - files: ["templates/**"]
        #     mode: template
        #     rules: {missing-follow-up: off}

        """
    }
}
