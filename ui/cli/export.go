package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"singlecam/core/engine"
	"singlecam/core/motion/export"
)

// runExport writes each motion file again for a tool, by a preset.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	preset := fs.String("preset", "", "the tool to export for, by `NAME`: "+strings.Join(export.PresetNames(), ", ")+" or custom (required)")
	to := fs.String("to", "", "the `FORMAT` to write: glb, bvh or vrma (a VRM Animation, with the vrm preset) (default: the preset's)")
	fps := fs.String("fps", "", "the frame `RATE` to resample to, in frames per second, or 'source' to keep the file's (default: the preset's)")
	inPlace := fs.Bool("in-place", false, "remove the root's horizontal travel, keeping its height")
	keepTPose := fs.Bool("keep-tpose", false, "keep the first frame, Move One's T-pose")
	up := fs.String("up", "", "the `AXIS` that points up: y or z (z only for BVH; default: the preset's)")
	units := fs.String("units", "", "the length `UNIT`: m or cm (cm only for BVH; default: the preset's)")
	out := fs.String("out", "", "the `FOLDER` to write into (default: beside each file)")
	cf := addCleanFlags(fs, false)
	sf := addSourceFlags(fs, true)
	fs.Usage = func() {
		fmt.Fprintf(stderr, exportUsage+"\n"+
			"Writes each motion file (GLB, glTF, VRM, VRMA, BVH, Move's motion data JSON, or a ZIP of\n"+
			"BVH or JSON files) again so it imports cleanly into a tool, as '<job> - <preset>.glb'\n"+
			"(or .bvh, .vrma) beside it, never over an existing file, and prints each file it wrote.\n"+
			"The source's up axis and unit are found from the figure unless given. The presets:\n\n")
		for _, p := range export.Presets() {
			fmt.Fprintf(stderr, "  %-8s %s: %s\n", p.Name, p.Title, describePreset(p.Settings))
		}
		fmt.Fprintf(stderr, "\nFlags:\n")
		printFlags(stderr, fs)
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	bad := func(err error) int {
		say(stderr, "export", export.Explain(err))
		return 2
	}
	if err := sf.check(); err != nil {
		say(stderr, "export", err.Error())
		return 2
	}
	if *sf.list && fs.NArg() > 0 {
		if err := sf.listAnimations(context.Background(), fs.Args(), stdout); err != nil {
			say(stderr, "export", err.Error())
			return 1
		}
		return 0
	}
	if fs.NArg() == 0 {
		return missing(stderr, "export", "Name the motion files to export.", exportUsage)
	}
	if *preset == "" {
		return missing(stderr, "export", "Say which tool to export for with --preset: "+strings.Join(export.PresetNames(), ", ")+" or custom.", exportUsage)
	}
	p, err := export.Lookup(*preset)
	if err != nil {
		say(stderr, "export", err.Error())
		return 2
	}
	s := p.Settings
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "to":
			s.Format = export.Format(strings.ToLower(*to))
		case "in-place":
			s.InPlace = *inPlace
		case "keep-tpose":
			s.DropTPose = !*keepTPose
		case "up":
			s.Up = strings.ToLower(*up)
		case "units":
			s.Units = strings.ToLower(*units)
		}
	})
	if given(fs, "fps") {
		if s.FPS, err = parseFPS(*fps, true); err != nil {
			say(stderr, "export", err.Error())
			return 2
		}
	}
	if o, given, err := cf.options(); err != nil {
		return bad(err)
	} else if given {
		s.Clean = o
	}
	gltfRule := ""
	if (s.Format == export.GLB || s.Format == export.VRMA) && (s.Units == "cm" || s.Up == "z") && !given(fs, "units") && !given(fs, "up") {
		// A preset's unit and axis are its defaults for its own format;
		// glTF's rule (Y up, metres) wins for a GLB.
		gltfRule = fmt.Sprintf("A %s is Y up in metres (glTF's rule): writing metres and Y up; the %s preset's %s are for BVH",
			strings.ToUpper(string(s.Format)), p.Name, describeSpace(s))
		s.Units, s.Up = "m", "y"
	}
	if err := s.Check(); err != nil {
		return bad(err) // refused before any note on what would have been written
	}
	if gltfRule != "" {
		say(stderr, "export", gltfRule)
	}
	if !outFolderOK(stderr, "export", *out, fs.Args()) {
		return 1
	}
	// Read every file and plan every output before writing anything.
	ctx := context.Background()
	var sources []export.Source
	for _, path := range fs.Args() {
		motions, err := sf.open(ctx, "export", path, stderr)
		if err != nil {
			say(stderr, "export", motionProblem(path, err))
			return 1
		}
		for _, m := range motions {
			base := ""
			if m.Suffix != "" {
				base = export.BaseName(path) + " - " + m.Suffix
			}
			src, err := export.SourceOf(ctx, path, base, m.Motion)
			if err != nil {
				return bad(err)
			}
			if *out != "" {
				src.Dir = *out
			}
			sources = append(sources, src)
		}
	}
	files, err := export.Plan(ctx, sources, p.Name, s)
	if err != nil {
		return bad(err)
	}
	sayNotes(stderr, files)
	written, ok := writeFiles(ctx, stderr, "export", *out, files)
	for _, w := range written {
		fmt.Fprintln(stdout, w)
	}
	if !ok {
		return 1
	}
	return 0
}

// sayNotes prints what planning found about each file, once for a note
// that several files share ("14 files: Kept frame 0…"), not a line each.
func sayNotes(stderr io.Writer, files []export.File) {
	var order []string
	who := map[string][]string{}
	for _, f := range files {
		for _, n := range f.Notes {
			if who[n] == nil {
				order = append(order, n)
			}
			who[n] = append(who[n], filepath.Base(f.Path))
		}
	}
	for _, n := range order {
		name := who[n][0]
		if len(who[n]) > 1 {
			name = fmt.Sprintf("%d files", len(who[n]))
		}
		sayAbout(stderr, "export", name, n)
	}
}

// exportUsage is the export command's short usage: what it takes.
const exportUsage = `Usage: singlecam export --preset NAME [--to glb|bvh|vrma] [--fps RATE|source] [--in-place]
                        [--keep-tpose] [--up y|z] [--units m|cm] [--feet MODE] [--smooth 0..1]
                        [--out FOLDER] [--animation NAME|N|all] [--list] [--source-units m|cm|mm|in|auto]
                        [--source-scale METRES] [--source-up y|z|auto] FILE...
`

// writeFiles makes the --out folder when one is given, writes the planned
// files through the engine and returns their paths; ok is false once it
// has said what went wrong. export and clean end the same way.
func writeFiles(ctx context.Context, stderr io.Writer, cmd, out string, files []export.File) (written []string, ok bool) {
	if out != "" {
		if err := os.MkdirAll(out, 0o755); err != nil {
			say(stderr, cmd, export.Explain(err))
			return nil, false
		}
	}
	written, err := engine.Export(ctx, files)
	if err != nil {
		say(stderr, cmd, export.Explain(err))
		return nil, false
	}
	return written, true
}

// describePreset is a preset's settings in a line.
func describePreset(s export.Settings) string {
	names := "bone names " + export.NameTitle(s.Names)
	format := strings.ToUpper(string(s.Format))
	if format == "" {
		format = "source's format"
	}
	rate := "source fps"
	if s.FPS != 0 {
		rate = strconv.FormatFloat(s.FPS, 'f', -1, 64) + " fps"
	}
	tpose := "T-pose kept"
	if s.DropTPose {
		tpose = "T-pose dropped"
	}
	up, units := strings.ToUpper(s.Up)+" up", s.Units
	if s.Up == "" {
		up = "Y up"
	}
	if units == "" {
		units = "source units"
	}
	parts := []string{format, names, tpose, up, units, rate}
	if s.InPlace {
		parts = append(parts, "in place")
	}
	return strings.Join(parts, ", ")
}

// describeSpace says a preset's unit and up axis in words.
func describeSpace(s export.Settings) string {
	u := map[string]string{"cm": "centimetres", "m": "metres", "": "source units"}[s.Units]
	if s.Up == "z" {
		return "Z up and " + u
	}
	return u
}
