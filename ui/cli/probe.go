package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"singlecam/core/media"
	"singlecam/core/price"
)

// probeJSON is a report as `singlecam probe --json` prints it.
type probeJSON struct {
	Path        string        `json:"path"`
	Size        int64         `json:"size"`
	Container   string        `json:"container"`
	Codec       string        `json:"codec"`
	FourCC      string        `json:"fourcc"`
	Width       int           `json:"width"`
	Height      int           `json:"height"`
	Rotation    int           `json:"rotation"`
	FPS         float64       `json:"fps"`
	VariableFPS bool          `json:"variableFps"`
	Seconds     float64       `json:"seconds"`
	HasAudio    bool          `json:"hasAudio"`
	Refused     bool          `json:"refused"`
	Findings    []findingJSON `json:"findings"`
	Price       *priceJSON    `json:"price,omitempty"` // for a video that can be read
}

type findingJSON struct {
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// runProbe reads each video's headers and says whether Move would take it.
func runProbe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("probe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	clip := fs.String("clip", "", "the part the job will use, `START:END` in seconds")
	ignoreLimits := fs.Bool("ignore-limits", false, "treat Move's documented limits as warnings")
	asJSON := fs.Bool("json", false, "print the reports as JSON, for scripts")
	mocapModel := fs.String("mocap-model", "", "price this `MODEL` only (S1 or S2); default: both")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: singlecam probe [--clip START:END] [--ignore-limits] [--mocap-model S1] [--json] FILE...\n\n"+
			"Reads each video's headers (never its frames), says whether Move would take it\n"+
			"and estimates its price from Move's published rates.\n"+
			"Exits 1 if any file would be refused.\n\nFlags:\n")
		printFlags(stderr, fs)
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	window, err := parseClip(*clip)
	if err == nil {
		_, err = priceModel(*mocapModel)
	}
	if err != nil {
		fmt.Fprintln(stderr, "singlecam probe:", err)
		return 2
	}
	opts := media.Options{IgnoreLimits: *ignoreLimits}
	if window != nil {
		opts.Clip = &media.Window{Start: window.Start, End: window.End}
	}

	model, _ := priceModel(*mocapModel)
	code, priced := 0, false
	var reports []probeJSON
	for _, path := range fs.Args() {
		var r *media.Report
		if media.KindOf(path) == media.KindMove {
			r = &media.Report{Path: path, Findings: media.CheckMove(path, "")}
		} else if r, err = media.Probe(path, opts); err != nil {
			r = &media.Report{Path: path, Findings: []media.Finding{{Severity: media.Refusal,
				Message: fmt.Sprintf("Singlecam cannot open %s: %v", path, media.Reason(err))}}}
		}
		if r.Refused() {
			code = 1
		}
		var estimate *price.Estimate
		if r.Container != "" && r.Duration > 0 {
			e := price.Of(price.FromReport(r), opts.Clip, model)
			estimate, priced = &e, true
		}
		if *asJSON {
			j := toJSON(r)
			if estimate != nil {
				j.Price = toPriceJSON(*estimate)
			}
			reports = append(reports, j)
			continue
		}
		printReport(stdout, r)
		if estimate != nil {
			fmt.Fprintf(stdout, "  %-8s %s\n", "price:", priceLine(*estimate))
		}
	}
	if priced && !*asJSON {
		fmt.Fprintln(stdout, "Prices are "+lowerFirst(price.Published.Assumption()))
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(reports)
	}
	return code
}

func printReport(w io.Writer, r *media.Report) {
	verdict := "can be sent"
	if r.Refused() {
		verdict = "would be refused"
	}
	fmt.Fprintf(w, "%s: %s\n", r.Path, verdict)
	for _, f := range r.Findings {
		fmt.Fprintf(w, "  %-8s %s\n", f.Severity.String()+":", f.Message)
	}
}

func toJSON(r *media.Report) probeJSON {
	out := probeJSON{
		Path: r.Path, Size: r.Size, Container: r.Container, Codec: r.Codec, FourCC: r.FourCC,
		Width: r.Width, Height: r.Height, Rotation: r.Rotation, FPS: r.FPS, VariableFPS: r.VariableFPS,
		Seconds: r.Duration.Seconds(), HasAudio: r.HasAudio, Refused: r.Refused(), Findings: []findingJSON{},
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, findingJSON{Severity: f.Severity.String(), Message: f.Message})
	}
	return out
}

// lowerFirst lower-cases a sentence's first letter, to follow other words.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
