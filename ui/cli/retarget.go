package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"singlecam/core/engine"
	"singlecam/core/motion"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/export"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/retarget"
)

// runRetarget puts motion files on a rigged character and saves one GLB each.
func runRetarget(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("retarget", flag.ContinueOnError)
	fs.SetOutput(stderr)
	charPath := fs.String("character", "", "the rigged character: a .glb, .vrm or .gltf file (required)")
	mapPath := fs.String("map", "", "a bone map saved by the app (JSON), instead of matching bones by name")
	fps := fs.Float64("fps", 0, "resample the motion to this frame rate (default: keep the motion's)")
	inPlace := fs.Bool("in-place", false, "keep the character over the origin instead of travelling")
	onlyNew := fs.Bool("only-new", false, "leave the character's own animations out of the saved file")
	out := fs.String("out", "", "the folder to save in (default: beside each motion file)")
	cf := addCleanFlags(fs)
	sf := addSourceFlags(fs, true)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: singlecam retarget --character FILE.glb|.vrm [--map FILE.json] [--fps N] [--in-place]\n"+
			"                         [--only-new] [--feet MODE] [--smooth 0..1] [--out DIR] [--animation NAME|N|all]\n"+
			"                         [--list] [--source-units m|cm|mm|in|auto] [--source-scale N] [--source-up y|z|auto]\n"+
			"                         MOTION...\n\n"+
			"Puts each motion (GLB, glTF, VRM, VRMA, BVH, Move's motion data JSON, or a ZIP of BVH or JSON\n"+
			"files; its first actor) on the character and saves\n"+
			"'<motion> on <character>.glb': the character's meshes, skin and materials as they were, with the\n"+
			"motion as its first animation, named after the motion (--only-new: its only one). Prints each\n"+
			"file's path.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if err := sf.check(); err != nil {
		fmt.Fprintln(stderr, "singlecam retarget:", err)
		return 2
	}
	if *sf.list && fs.NArg() > 0 {
		if err := sf.listAnimations(context.Background(), fs.Args(), stdout); err != nil {
			fmt.Fprintln(stderr, "singlecam retarget:", engine.ExplainMotion(err))
			return 1
		}
		return 0
	}
	if *charPath == "" || fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if given(fs, "fps") {
		if err := checkRange("fps", *fps, 1, 1000, " frames per second"); err != nil {
			fmt.Fprintf(stderr, "singlecam retarget: %v.\n", err)
			return 2
		}
	}
	cleanup, given, err := cf.options()
	if err != nil {
		fmt.Fprintln(stderr, "singlecam retarget:", export.Explain(err))
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
		fmt.Fprintln(stderr, "singlecam retarget:", engine.ExplainCharacter(err))
		return 1
	}
	var saved *retarget.Match
	if *mapPath != "" {
		f, err := os.Open(*mapPath)
		if err != nil {
			fmt.Fprintln(stderr, "singlecam retarget:", engine.ExplainCharacter(err))
			return 1
		}
		saved, err = retarget.ReadMatch(f)
		f.Close()
		if err != nil {
			fmt.Fprintln(stderr, "singlecam retarget:", engine.ExplainCharacter(err))
			return 1
		}
	}
	failed := 0
	for _, path := range fs.Args() {
		motions, err := sf.open(ctx, "retarget", path, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "singlecam retarget: %s: %s\n", filepath.Base(path), engine.ExplainMotion(err))
			failed++
			continue
		}
		for _, m := range motions {
			name := retarget.MotionName(path)
			if m.Suffix != "" {
				name += " - " + m.Suffix
			}
			dest, err := retargetOne(ctx, ch, saved, m.Clip, name, path, *fps, *inPlace, *onlyNew, cleanup, *out)
			if err != nil {
				fmt.Fprintf(stderr, "singlecam retarget: %s: %s\n", filepath.Base(path), err)
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

// explained is an error already put in words for a person.
type explained string

func (e explained) Error() string { return string(e) }

func retargetOne(ctx context.Context, ch *retarget.Character, saved *retarget.Match, clip *motion.Clip, name, path string, fps float64, inPlace, onlyNew bool, cleanup clean.Options, out string) (string, error) {
	var err error
	if !cleanup.None() {
		// Clean the capture first: its feet and floor are the motion's own.
		res, err := clean.Run(ctx, clip, cleanup)
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
