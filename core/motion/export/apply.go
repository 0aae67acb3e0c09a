package export

import (
	"context"
	"fmt"
	"strings"

	"singlecam/core/motion"
	"singlecam/core/motion/figure"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/rigs"
)

// Apply returns c with the settings applied, in this order: clean-up,
// names, T-pose, frame rate, in place, units, up axis (clean-up works on
// the figure as read, as the player shows it cleaned, with every captured
// frame and the travel that in place removes; it keeps a T-pose frame
// apart from the motion, so dropping it after changes nothing else; in
// place and resampling work in the source's Y-up space). c is left as it
// was; its figure stands on its joints (Plan stands a Source on its
// Figure).
func Apply(c *motion.Clip, s Settings) (*motion.Clip, error) {
	out, _, err := ApplyNotes(c, s)
	return out, err
}

// ApplyNotes is Apply, also saying in a sentence each what it found that
// a user should know: how bones were named when their old names would
// mislead, and whether frame 0 was dropped as a T-pose.
func ApplyNotes(c *motion.Clip, s Settings) (*motion.Clip, []string, error) {
	return applyNotes(context.Background(), c, nil, s)
}

// applyNotes is ApplyNotes with clean-up standing c on fig (nil: its
// joints).
func applyNotes(ctx context.Context, c *motion.Clip, fig *figure.Figure, s Settings) (*motion.Clip, []string, error) {
	var notes []string
	if err := s.Check(); err != nil {
		return nil, nil, err
	}
	out := c
	if !s.Clean.None() {
		// The same clean-up as the player's After and `singlecam clean`:
		// on the motion as read, before names change or joints go.
		r, err := fig.Clean(ctx, out, s.Clean)
		if err != nil {
			return nil, nil, fmt.Errorf("export: %w", err)
		}
		out = r.Clip
	}
	switch s.Names {
	case "":
	case "plain":
		out = fix.StripPrefix(out)
	default:
		m, err := rigs.LoadMap(s.Names)
		if err != nil {
			return nil, nil, fmt.Errorf("export: %w", err)
		}
		var named []string
		out, named = toRig(out, m)
		notes = append(notes, named...)
	}
	if s.DropTPose && out.Frames() > 1 {
		// Only a T- or A-pose that the motion leaves at once is dropped:
		// a file that starts moving at frame 0 keeps it.
		tpose := false
		for _, a := range out.Actors {
			tpose = tpose || fix.StartsWithTPose(a)
		}
		if tpose {
			out = fix.DropFirstFrame(out)
			notes = append(notes, "dropped the T-pose at frame 0")
		} else {
			notes = append(notes, "kept frame 0: it is not a T-pose")
		}
	}
	if s.FPS != 0 && s.FPS != out.FPS {
		r, err := fix.Resample(out, s.FPS)
		if err != nil {
			return nil, nil, fmt.Errorf("export: %w", err)
		}
		out = r
	}
	if s.InPlace {
		out = fix.InPlace(out)
	}
	if k := unitScale(out.MetresPerUnit, s.Units); k != 1 {
		r, err := fix.Scale(out, k)
		if err != nil {
			return nil, nil, fmt.Errorf("export: %w", err)
		}
		out = r
	}
	if s.Up == "z" {
		out = fix.ZUp(out)
	}
	if out == c { // always hand back a clip of its own
		out = fix.Rename(c, nil)
	}
	return out, notes, nil
}

// unitScale is what multiplies the clip's lengths to reach units. A clip of
// unknown units is taken to be in metres, as Move's files are.
func unitScale(metresPerUnit float64, units string) float64 {
	if metresPerUnit <= 0 {
		metresPerUnit = 1
	}
	want := 1.0
	switch units {
	case "":
		return 1
	case "cm":
		want = 0.01
	}
	return metresPerUnit / want
}

// plainNames drops the namespace prefix of a name map's keys, so it renames
// the bones of any actor ("_1:", "_2:") after StripPrefix.
func plainNames(names map[string]string) map[string]string {
	out := make(map[string]string, len(names))
	for from, to := range names {
		if i := strings.LastIndexByte(from, ':'); i >= 0 {
			from = from[i+1:]
		}
		out[from] = to
	}
	return out
}
