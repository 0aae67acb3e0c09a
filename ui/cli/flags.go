package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"singlecam/core/engine"
)

// parseFlags parses a command's flags, which may come before or after its
// files (as with most command-line tools: `export walk.glb --out DIR`); a
// lone "--" ends the flags, so a file whose name starts with a dash comes
// after it. ok is false when the command should stop at once with the exit
// code (0 after --help, 2 after a bad flag). fs.Args() then holds the files,
// in their order.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	flags, files := splitFlags(fs, args)
	err := fs.Parse(append(flags, append([]string{"--"}, files...)...))
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		return 0, false
	}
	return 2, false
}

// splitFlags separates flags (with the values they take) from the other
// words. A flag fs does not know stays among the flags, for fs.Parse to
// report. A flag that takes a value takes the next word when it has no
// "=value" of its own, whatever that word looks like, as package flag does.
func splitFlags(fs *flag.FlagSet, args []string) (flags, files []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(files, args[i+1:]...)
		}
		if len(a) < 2 || a[0] != '-' {
			files = append(files, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil || isBool(f) || i+1 >= len(args) {
			continue
		}
		i++
		flags = append(flags, args[i])
	}
	return flags, files
}

// isBool reports whether f is a switch that takes no value (-in-place).
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// given reports whether the command line set the flag, so "--fps 0" can be
// told from no --fps at all.
func given(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// checkRange says in words what is wrong with a number a flag was given:
// not a number at all (NaN, infinite), or outside [lo, hi].
func checkRange(flagName string, v, lo, hi float64, unit string) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
		return fmt.Errorf("--%s must be a number from %g to %g%s, not %v", flagName, lo, hi, unit, v)
	}
	return nil
}

// outFolderOK checks an --out folder before anything is read or written,
// and says in one line what is wrong with it: missing and not creatable, a
// file, not writable, or its disk too full for files about the size of the
// inputs. A missing folder is made here, at the start, and said: a folder
// problem is known before minutes of reading, and a folder that appears
// unasked is no surprise. It is made only inside an existing folder or under
// the home folder (outputs.CheckDestination): "/nonexistent/x" is refused.
// An empty dir (write beside each file) is always fine.
func outFolderOK(stderr io.Writer, command, dir string, inputs []string) bool {
	if dir == "" {
		return true
	}
	made, err := engine.MakeDestination(dir, inputs...)
	if err != nil {
		say(stderr, command, "Singlecam "+err.Error()) // "cannot save outputs in …": whose it is
		return false
	}
	if made != "" {
		say(stderr, command, "Made the folder "+made+", which did not exist")
	}
	return true
}
