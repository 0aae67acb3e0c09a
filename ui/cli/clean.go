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
	"singlecam/core/motion/clean"
	"singlecam/core/motion/export"
	"singlecam/core/motion/retarget"
)

// cleanFlags are --feet and --smooth, shared by clean, export and retarget.
type cleanFlags struct {
	feet, smooth *string
	fs           *flag.FlagSet
}

func addCleanFlags(fs *flag.FlagSet) cleanFlags {
	return cleanFlags{
		feet:   fs.String("feet", "", "planted feet: auto, lock, ground or off (default auto when cleaning)"),
		smooth: fs.String("smooth", "", "smoothing from 0 (none) to 1 (strongest) (default "+strconv.FormatFloat(clean.Default.Smooth, 'f', -1, 64)+" when cleaning)"),
		fs:     fs,
	}
}

// options returns the clean-up the flags ask for; given is false when
// neither flag was given (export and retarget then clean nothing).
func (c cleanFlags) options() (o clean.Options, given bool, err error) {
	o = clean.Default
	c.fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "feet":
			given = true
			if o.Feet, err = clean.ParseFeet(*c.feet); err != nil {
				err = fmt.Errorf("%w: %w", export.ErrBadSettings, err)
			}
		case "smooth":
			given = true
			v, perr := strconv.ParseFloat(strings.TrimSpace(*c.smooth), 64)
			if perr != nil || !(v >= 0 && v <= 1) {
				err = fmt.Errorf("%w: the smoothing is a number from 0 to 1, not %q", export.ErrBadSettings, *c.smooth)
				return
			}
			o.Smooth = v
		}
	})
	return o, given, err
}

// runClean cleans each motion file and writes it beside the original.
func runClean(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cf := addCleanFlags(fs)
	out := fs.String("out", "", "the folder to write into (default: beside each file)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: singlecam clean [--feet auto|lock|ground|off] [--smooth 0..1] [--out DIR] FILE...\n\n"+
			"Cleans each GLB, glTF, BVH or ZIP of BVHs: planted feet stay where they land and\n"+
			"stand on the floor, jitter is smoothed away. Writes '<name> - clean.glb' (or .bvh,\n"+
			"as the source) beside it, never over an existing file, prints each file it wrote,\n"+
			"and the numbers before and after on stderr. A character (a file with a body) is\n"+
			"refused: clean the capture, then use 'singlecam retarget --character'.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	o, _, err := cf.options()
	if err != nil {
		fmt.Fprintln(stderr, "singlecam clean:", export.Explain(err))
		return 2
	}
	if !outFolderOK(stderr, "clean", *out, fs.Args()) {
		return 1
	}
	ctx := context.Background()
	var files []export.File
	var reports [][]clean.Report
	for _, path := range fs.Args() {
		if msg := characterRefused(ctx, path); msg != "" {
			fmt.Fprintf(stderr, "singlecam clean: %s: %s\n", path, msg)
			return 1
		}
		src, err := export.Open(ctx, path, "")
		if err != nil {
			fmt.Fprintf(stderr, "singlecam clean: %s: %s\n", path, engine.ExplainMotion(err))
			return 1
		}
		if *out != "" {
			src.Dir = *out
		}
		res, err := clean.Run(ctx, src.Clip, o)
		if err != nil {
			fmt.Fprintf(stderr, "singlecam clean: %s: %s\n", path, export.Explain(err))
			return 1
		}
		src.Clip = res.Clip
		planned, err := export.Plan(ctx, []export.Source{src}, "clean", export.Settings{})
		if err != nil {
			fmt.Fprintln(stderr, "singlecam clean:", export.Explain(err))
			return 1
		}
		for _, f := range planned {
			for _, taken := range files {
				if taken.Path == f.Path {
					fmt.Fprintf(stderr, "singlecam clean: two files would both be written as %s: clean them one at a time.\n", f.Path)
					return 1
				}
			}
		}
		files = append(files, planned...)
		for range planned {
			reports = append(reports, res.Actors)
		}
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintln(stderr, "singlecam clean:", export.Explain(err))
			return 1
		}
	}
	written, err := engine.Export(ctx, files)
	if err != nil {
		fmt.Fprintln(stderr, "singlecam clean:", export.Explain(err))
		return 1
	}
	for i, w := range written {
		fmt.Fprintln(stdout, w)
		for _, r := range reports[i] {
			fmt.Fprintln(stderr, "  "+describeReport(r))
		}
	}
	return 0
}

// characterRefused says why a file cannot be cleaned, or "": a character
// (a skinned body) would come back as a bare skeleton, since clean writes
// only the motion, so it is refused before anything is written.
func characterRefused(ctx context.Context, path string) string {
	if !retarget.IsCharacterFile(path) {
		return ""
	}
	ch, err := retarget.OpenCharacter(ctx, path)
	if err != nil || !ch.HasMesh() {
		return "" // not a character: export.Open says what else is wrong
	}
	return "this is a character (a body on a skeleton), and clean writes only the motion, so the body would be lost: nothing was written. " +
		"Clean the capture instead, then put it on the character with: singlecam retarget --character " + filepath.Base(path) + " --feet auto CAPTURE"
}

// describeReport is an actor's numbers before and after, in a line.
func describeReport(r clean.Report) string {
	b, a := r.Before, r.After
	// clean.Show: no "-0.0" for a number that rounds to nothing.
	if !r.Legs {
		return fmt.Sprintf("legs not found, smoothed only: jitter %s → %s m/s³", clean.Show(b.Jitter, 0), clean.Show(a.Jitter, 0))
	}
	return fmt.Sprintf("foot skate %s → %s cm/s, jitter %s → %s m/s³, fidelity %s cm, swing kept %s %%, lowest foot %s → %s cm",
		clean.Show(b.Skate, 1), clean.Show(a.Skate, 1), clean.Show(b.Jitter, 0), clean.Show(a.Jitter, 0),
		clean.Show(a.Fidelity, 1), clean.Show(a.SwingKept, 0), clean.ShowSigned(b.Lowest, 1), clean.ShowSigned(a.Lowest, 1))
}
