package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"singlecam/core/engine"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/export"
	"singlecam/core/motion/figure"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
	"singlecam/core/words"
)

// runRetarget puts motion files on a rigged character and saves one GLB each.
func runRetarget(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("retarget", flag.ContinueOnError)
	fs.SetOutput(stderr)
	charPath := fs.String("character", "", "the rigged character's `FILE`: a .glb, .vrm or .gltf file (required)")
	mapPath := fs.String("map", "", "a bone map `FILE` saved by the app (JSON) that says which of the character's bones\n"+
		"follows which of the motion's, instead of matching them by their role in the body\n"+
		"(found from the skeleton's shape: hips, spine, arms, legs)")
	fps := fs.String("fps", "", "the frame `RATE` to resample the motion to, in frames per second (default: keep the motion's)")
	inPlace := fs.Bool("in-place", false, "keep the character over the origin instead of travelling")
	onlyNew := fs.Bool("only-new", false, "leave the character's own animations out of the saved file")
	out := fs.String("out", "", "the `FOLDER` to save in (default: beside each motion file)")
	cf := addCleanFlags(fs, false)
	sf := addSourceFlags(fs, true)
	fs.Usage = func() {
		fmt.Fprintf(stderr, retargetUsage+"\n"+
			"Puts each motion (GLB, glTF, VRM, VRMA, BVH, Move's motion data JSON, or a ZIP of BVH or JSON\n"+
			"files; its first actor) on the character and saves\n"+
			"'<motion> on <character>.glb': the character's meshes, skin and materials as they were, with the\n"+
			"motion as its first animation, named after the motion (--only-new: its only one). Prints each\n"+
			"file's path. Bones are matched by their role in the body, found from each skeleton's shape,\n"+
			"whatever their names.\n\nFlags:\n")
		printFlags(stderr, fs)
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if err := sf.check(); err != nil {
		say(stderr, "retarget", err.Error())
		return 2
	}
	if *sf.list && fs.NArg() > 0 {
		if err := sf.listAnimations(context.Background(), fs.Args(), stdout); err != nil {
			say(stderr, "retarget", err.Error())
			return 1
		}
		return 0
	}
	if fs.NArg() == 0 {
		return missing(stderr, "retarget", "Name the motion files to put on the character.", retargetUsage)
	}
	if *charPath == "" {
		return missing(stderr, "retarget", "Say which character to put the motion on with --character FILE (a .glb, .vrm or .gltf file).", retargetUsage)
	}
	rate := 0.0
	if given(fs, "fps") {
		var err error
		if rate, err = parseFPS(*fps, false); err != nil {
			say(stderr, "retarget", err.Error())
			return 2
		}
	}
	cleanup, given, err := cf.options()
	if err != nil {
		say(stderr, "retarget", export.Explain(err))
		return 2
	}
	if !given {
		cleanup = clean.Options{}
	}
	if !outFolderOK(stderr, "retarget", *out, fs.Args()) {
		return 1
	}
	ctx := context.Background()
	ch, err := retarget.OpenCharacter(ctx, *charPath)
	if err != nil {
		say(stderr, "retarget", charProblem(*charPath, err))
		return 1
	}
	var saved *retarget.Match
	if *mapPath != "" {
		f, err := openPlainFile(*mapPath)
		if err != nil {
			say(stderr, "retarget", charProblem(*mapPath, err))
			return 1
		}
		saved, err = retarget.ReadMatch(f)
		f.Close()
		if err != nil {
			say(stderr, "retarget", engine.ExplainCharacter(err))
			return 1
		}
	}
	failed := 0
	for _, path := range fs.Args() {
		motions, err := sf.open(ctx, "retarget", path, stderr)
		if err != nil {
			say(stderr, "retarget", motionProblem(path, err))
			failed++
			continue
		}
		for _, m := range motions {
			name := retarget.MotionName(path)
			if m.Suffix != "" {
				name += " - " + m.Suffix
			}
			dest, err := retargetOne(ctx, ch, saved, m.Motion, name, path, rate, *inPlace, *onlyNew, cleanup, *out)
			if err != nil {
				sayAbout(stderr, "retarget", filepath.Base(path), err.Error())
				failed++
				continue
			}
			fmt.Fprintln(stdout, dest)
		}
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// openPlainFile opens a file the user named for reading, refusing what is
// not a plain file before opening it: opening a named pipe waits for a
// writer that may never come, and a device reads without end (as
// core/guard's Open, which the front ends do not import).
func openPlainFile(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, explained(words.Quote(path) + " is not a file (a folder, a pipe or a device): choose a bone map saved by the app")
	}
	return os.Open(path)
}

// retargetUsage is the retarget command's short usage: what it takes.
const retargetUsage = `Usage: singlecam retarget --character FILE.glb|.vrm [--map FILE.json] [--fps RATE] [--in-place]
                         [--only-new] [--feet MODE] [--smooth 0..1] [--out FOLDER] [--animation NAME|N|all]
                         [--list] [--source-units m|cm|mm|in|auto] [--source-scale METRES] [--source-up y|z|auto]
                         MOTION...
`

// explained is an error already put in words for a person.
type explained string

func (e explained) Error() string { return string(e) }

func retargetOne(ctx context.Context, ch *retarget.Character, saved *retarget.Match, m *load.Motion, name, path string, fps float64, inPlace, onlyNew bool, cleanup clean.Options, out string) (string, error) {
	var err error
	clip := m.Clip
	if !cleanup.None() {
		// Clean the capture first: its feet and floor are the motion's own
		// (its mesh's soles when it is a character, as the player's).
		fig, err := figure.Of(ctx, m)
		if err != nil {
			return "", explained(export.Explain(err))
		}
		res, err := fig.Clean(ctx, clip, cleanup)
		if err != nil {
			return "", explained(export.Explain(err))
		}
		clip = res.Clip
	}
	if fps != 0 {
		if clip, err = fix.Resample(clip, fps); err != nil {
			return "", explained(engine.ExplainCharacter(err))
		}
	}
	source := clip.Actors[0].Skeleton
	match := ch.Match(source)
	if saved != nil {
		if match, err = ch.MatchSaved(source, saved); err != nil {
			return "", explained(engine.ExplainCharacter(err))
		}
	}
	var opts []retarget.Option
	if inPlace {
		// In the character's own world: its hips over its vertical axis,
		// whatever armature stands above them.
		opts = append(opts, retarget.InPlace())
	}
	moved, err := ch.Retarget(clip, match, opts...)
	if err != nil {
		return "", explained(engine.ExplainCharacter(err))
	}
	if out == "" {
		out = filepath.Dir(path)
	}
	dest, err := engine.SaveOnCharacter(ctx, ch, out, name, moved, engine.CharacterSave{OnlyNew: onlyNew})
	if err != nil {
		return "", explained(engine.ExplainCharacter(err))
	}
	return dest, nil
}
