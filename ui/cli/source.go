package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"singlecam/core/motion"
	"singlecam/core/motion/load"
	"singlecam/core/words"
)

// sourceFlags are the flags that say how to read a motion file, shared by
// preview, export and retarget: which animation, and the source's unit
// and up axis when finding them from the figure is not wanted.
type sourceFlags struct {
	animation, units, up *string
	scale                *float64
	list                 *bool
}

func addSourceFlags(fs *flag.FlagSet, all bool) sourceFlags {
	anim := "the `ANIMATION` to use when a file has several: its name or number (from 0; --list shows them)"
	if all {
		anim += ", or 'all' for one output per animation, named after it"
	}
	return sourceFlags{
		animation: fs.String("animation", "", anim+" (default: the longest)"),
		list:      fs.Bool("list", false, "list each file's animations and exit"),
		units:     fs.String("source-units", "", "the source's length `UNIT`: m, cm, mm, in or auto (default auto: found from the figure's height)"),
		scale:     fs.Float64("source-scale", 0, "how many `METRES` one of the source's units is (0.056444 for CMU's captures), instead of --source-units"),
		up:        fs.String("source-up", "", "the source's up `AXIS`: y, z or auto (default auto: found from the rest pose's spine)"),
	}
}

// options are the reading options the flags give, for animation i.
func (sf sourceFlags) options(i int) load.Options {
	return load.Options{Animation: i, Units: *sf.units, Scale: *sf.scale, Up: *sf.up}
}

// check refuses nonsensical values before any file is read, in a
// sentence.
func (sf sourceFlags) check() error {
	if err := sf.options(-1).Check(); err != nil {
		msg := strings.TrimPrefix(err.Error(), load.ErrBadSourceOptions.Error()+": ")
		return explained(strings.ToUpper(msg[:1]) + msg[1:] + ".")
	}
	return nil
}

// listAnimations prints each file's animations, one line each.
func (sf sourceFlags) listAnimations(ctx context.Context, paths []string, stdout io.Writer) error {
	for _, p := range paths {
		m, err := load.OpenWith(ctx, p, sf.options(-1))
		if err != nil {
			return explained(motionProblem(p, err))
		}
		if len(m.Animations) == 0 {
			fmt.Fprintf(stdout, "%s: one motion, %d frames at %s fps (%s s)\n", p, m.Clip.Frames(), fpsText(m.Clip.FPS), seconds(m.Clip.Duration()))
			continue
		}
		word := "animations"
		if len(m.Animations) == 1 {
			word = "animation"
		}
		fmt.Fprintf(stdout, "%s: %d %s\n", p, len(m.Animations), word)
		for i, a := range m.Animations {
			name := a.Name
			if name == "" {
				name = "(no name)"
			}
			fmt.Fprintf(stdout, "  %2d  %-24s %s s\n", i, name, seconds(a.Duration))
		}
	}
	return nil
}

// opened is one animation of a file as the flags ask for it.
type opened struct {
	*load.Motion
	// Suffix names the animation in output names when there are several
	// outputs of one file ("" for one).
	Suffix string
}

// open reads the animations the flags choose from the file at path,
// saying on stderr which one it used when the file has several and what
// reading found (a Z-up source turned, a unit taken).
func (sf sourceFlags) open(ctx context.Context, cmd, path string, stderr io.Writer) ([]opened, error) {
	first, err := load.OpenWith(ctx, path, sf.options(-1))
	if err != nil {
		return nil, err
	}
	picks, err := load.Pick(first.Animations, *sf.animation)
	if err != nil {
		list := ""
		if len(first.Animations) > 1 {
			list = "; --list names them"
		}
		return nil, explained(sentence(fmt.Sprintf("%s has %s%s", words.Quote(path), err, list)))
	}
	var out []opened
	for _, i := range picks {
		m := first
		if i >= 0 && i != first.Chosen {
			if m, err = load.OpenWith(ctx, path, sf.options(i)); err != nil {
				return nil, err
			}
		}
		o := opened{Motion: m}
		if len(picks) > 1 {
			o.Suffix = m.Animations[m.Chosen].Name
			if o.Suffix == "" {
				o.Suffix = fmt.Sprintf("animation %d", m.Chosen)
			}
		}
		if len(m.Animations) > 1 && m.Chosen >= 0 && len(picks) == 1 {
			how := "the longest"
			if *sf.animation != "" {
				how = "as asked"
			}
			sayAbout(stderr, cmd, filepath.Base(path), fmt.Sprintf("animation %d %s of %d (%s; --list names them, --animation chooses)",
				m.Chosen, words.Quote(m.Animations[m.Chosen].Name), len(m.Animations), how))
		}
		out = append(out, o)
	}
	if len(picks) > 1 {
		sayAbout(stderr, cmd, filepath.Base(path), fmt.Sprintf("all %d animations, one output each, named after it", len(picks)))
	}
	for _, n := range first.Notes {
		sayAbout(stderr, cmd, filepath.Base(path), n)
	}
	return out, nil
}

// seconds writes a length as every place shows it: to the hundredth of a
// second, rounded as the app rounds it ("0.96").
func seconds(d time.Duration) string {
	return strconv.FormatFloat(motion.Hundredths(d).Seconds(), 'f', 2, 64)
}

// fpsText writes a frame rate as people say it: 120, 29.97, not the
// 120.00048000192001 a BVH's frame time in seconds gives back.
func fpsText(fps float64) string {
	return strconv.FormatFloat(math.Round(fps*100)/100, 'f', -1, 64)
}
