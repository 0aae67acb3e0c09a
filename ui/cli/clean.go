package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"singlecam/core/engine"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/export"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
	"singlecam/core/words"
	"singlecam/ui/preview"
)

// cleanFlags are --feet and --smooth, shared by clean, export and retarget.
type cleanFlags struct {
	feet, smooth *string
	fs           *flag.FlagSet
}

// addCleanFlags adds --feet and --smooth; cleaning says whether the
// command always cleans (clean) or only when one of them is given.
func addCleanFlags(fs *flag.FlagSet, cleaning bool) cleanFlags {
	smooth := strconv.FormatFloat(clean.Default.Smooth, 'f', -1, 64)
	feetDefault, smoothDefault := " (default auto)", " (default "+smooth+")"
	if !cleaning {
		when := " (the motion is cleaned first only when --feet or --smooth is given: then "
		feetDefault, smoothDefault = when+"auto unless given)", when+smooth+" unless given)"
	}
	return cleanFlags{
		feet:   fs.String("feet", "", "the `MODE` for planted feet: auto, lock, ground or off"+feetDefault),
		smooth: fs.String("smooth", "", "the `AMOUNT` of smoothing against jitter, from 0 (none) to 1 (strongest)"+smoothDefault),
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
	cf := addCleanFlags(fs, true)
	out := fs.String("out", "", "the `FOLDER` to write into (default: beside each file)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, cleanUsage+"\n"+
			"Cleans each motion file (GLB, glTF, VRM, VRMA, BVH, Move's motion data JSON, or a ZIP of\n"+
			"BVH or JSON files): planted feet stay where they land and stand on the floor, jitter is\n"+
			"smoothed away. Writes '<name> - clean.glb' (or .bvh, as the source) beside it, never over\n"+
			"an existing file, prints each file it wrote, and how the motion changed on stderr. A\n"+
			"character (a file with a body) comes back whole, its animation cleaned.\n\nFlags:\n")
		printFlags(stderr, fs)
		fmt.Fprintf(stderr, "\nWhat the numbers mean (before → after):\n%s\n", indent(preview.NumbersHelp))
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return missing(stderr, "clean", "Name the motion files to clean.", cleanUsage)
	}
	o, _, err := cf.options()
	if err != nil {
		say(stderr, "clean", export.Explain(err))
		return 2
	}
	if !outFolderOK(stderr, "clean", *out, fs.Args()) {
		return 1
	}
	ctx := context.Background()
	var files []export.File
	var reports [][]clean.Report
	var bodies []cleanedCharacter
	for _, path := range fs.Args() {
		m, err := load.Open(ctx, path, -1)
		if err != nil {
			say(stderr, "clean", motionProblem(path, err))
			return 1
		}
		src, err := export.SourceOf(ctx, path, "", m)
		if err != nil {
			say(stderr, "clean", export.Explain(err))
			return 1
		}
		// A character stands on the floor by its mesh's soles, as in the
		// player and its Export for… (package figure chooses for all).
		fig := src.Figure
		if fig.Apart {
			say(stderr, "clean", words.Quote(path)+" is a character (a body on a skeleton) whose animation could not be put back on its body, so nothing was written. "+
				"Clean the capture instead, then put it on the character with: singlecam retarget --character "+filepath.Base(path)+" --feet auto CAPTURE")
			return 1
		}
		ch := fig.Character
		if *out != "" {
			src.Dir = *out
		}
		res, err := fig.Clean(ctx, src.Clip, o)
		if err != nil {
			sayAbout(stderr, "clean", path, export.Explain(err))
			return 1
		}
		if ch != nil {
			if len(m.Animations) > 1 {
				// Beside the character's own animations, named apart.
				named := *res.Clip
				named.Name += " - clean"
				res.Clip = &named
			}
			bodies = append(bodies, cleanedCharacter{ch, src.Dir, retarget.FileName(src.Base + " - clean"), res, len(m.Animations) <= 1})
			continue
		}
		src.Clip = res.Clip
		planned, err := export.Plan(ctx, []export.Source{src}, "clean", export.Settings{})
		if err != nil {
			say(stderr, "clean", export.Explain(err))
			return 1
		}
		for _, f := range planned {
			for _, taken := range files {
				if taken.Path == f.Path {
					say(stderr, "clean", "Two files would both be written as "+f.Path+": clean them one at a time")
					return 1
				}
			}
		}
		files = append(files, planned...)
		for range planned {
			reports = append(reports, res.Actors)
		}
	}
	written, ok := writeFiles(ctx, stderr, "clean", *out, files)
	for i, w := range written {
		fmt.Fprintln(stdout, w)
		for _, r := range reports[i] {
			fmt.Fprintln(stderr, "  "+describeReport(r))
		}
	}
	if !ok {
		return 1
	}
	for _, b := range bodies {
		dest, err := engine.SaveCharacterAs(ctx, b.ch, b.dir, b.name, b.res.Clip, engine.CharacterSave{OnlyNew: b.only})
		if err != nil {
			say(stderr, "clean", engine.ExplainCharacter(err))
			return 1
		}
		fmt.Fprintln(stdout, dest)
		for _, r := range b.res.Actors {
			fmt.Fprintln(stderr, "  "+describeReport(r))
		}
	}
	return 0
}

// cleanedCharacter is a character file cleaned, to be written as name in
// dir: the character whole with its cleaned animation first (only it, when
// only holds: the file had one animation, which it replaces).
type cleanedCharacter struct {
	ch        *retarget.Character
	dir, name string
	res       *clean.Result
	only      bool
}

// indent puts two spaces before each line of s.
func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// cleanUsage is the clean command's short usage: what it takes.
const cleanUsage = `Usage: singlecam clean [--feet auto|lock|ground|off] [--smooth 0..1] [--out FOLDER] FILE...
`

// describeReport is an actor's numbers before and after, in a line, and a
// line for each number that got worse.
func describeReport(r clean.Report) string {
	b, a := r.Before, r.After
	// clean.Show: no "-0.0" for a number that rounds to nothing.
	var line string
	if !r.Legs {
		line = fmt.Sprintf("legs not found, smoothed only: jitter %s (%s → %s m/s³)", clean.ShowChange(b.Jitter, a.Jitter), clean.Show(b.Jitter, 0), clean.Show(a.Jitter, 0))
	} else {
		line = fmt.Sprintf("foot skate %s → %s cm/s, jitter %s (%s → %s m/s³), planted feet %s → %s cm from the floor, lowest foot %s → %s cm, joints moved %s cm at most, swing kept %s %%",
			clean.Show(b.Skate, 1), clean.Show(a.Skate, 1), clean.ShowChange(b.Jitter, a.Jitter), clean.Show(b.Jitter, 0), clean.Show(a.Jitter, 0),
			clean.ShowPlanted(b), clean.ShowPlanted(a), clean.ShowSigned(b.Lowest, 1), clean.ShowSigned(a.Lowest, 1),
			clean.Show(a.Fidelity, 1), clean.Show(a.SwingKept, 0))
	}
	for _, f := range r.Worse() {
		line += "\n  " + f.Sentence()
	}
	return line
}
