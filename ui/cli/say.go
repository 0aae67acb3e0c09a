package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"singlecam/core/engine"
)

// say prints one message of a command, the one way every message is set:
// "singlecam CMD: " and a sentence that starts with a capital and ends
// with a full stop.
func say(stderr io.Writer, cmd, msg string) {
	fmt.Fprintf(stderr, "singlecam %s: %s\n", cmd, sentence(msg))
}

// sayAbout is say for a message about one file: "singlecam CMD: NAME: "
// and the sentence, the file's name as it is spelt.
func sayAbout(stderr io.Writer, cmd, name, msg string) {
	fmt.Fprintf(stderr, "singlecam %s: %s: %s\n", cmd, name, sentence(msg))
}

// sentence starts msg with a capital and ends it with a full stop (or the
// question or exclamation mark it has).
func sentence(msg string) string {
	msg = strings.TrimSpace(msg)
	r, n := utf8.DecodeRuneInString(msg)
	if n == 0 {
		return msg
	}
	msg = string(unicode.ToUpper(r)) + msg[n:]
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") && !strings.HasSuffix(msg, "!") {
		msg += "."
	}
	return msg
}

// motionProblem says why the motion file at path could not be used: in
// the words already chosen for it, or the engine's for a file that did
// not read.
func motionProblem(path string, err error) string {
	var e explained
	if errors.As(err, &e) {
		return string(e)
	}
	return engine.ExplainMotionFile(path, err)
}

// charProblem says why the character (or bone map) file at path could not
// be used; a name that leads nowhere is said as for a motion file.
func charProblem(path string, err error) string {
	var e explained
	if errors.As(err, &e) {
		return string(e)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return engine.ExplainMotionFile(path, err)
	}
	return engine.ExplainCharacter(err)
}

// missing says what a command lacks in a sentence, then its short usage
// (the lines that say what it takes, not every flag), and gives the exit
// code of a usage mistake.
func missing(stderr io.Writer, cmd, what, usage string) int {
	say(stderr, cmd, what)
	fmt.Fprintf(stderr, "\n%s\nRun 'singlecam %s --help' for what each flag does.\n", usage, cmd)
	return 2
}

// parseFPS reads an --fps value, and refuses every kind of mistake (a
// word, 0, a negative or an absurd rate) in the same sentence. With source,
// "source" (keep the file's rate) is also taken, as 0.
func parseFPS(v string, source bool) (float64, error) {
	v = strings.TrimSpace(v)
	if source && strings.EqualFold(v, "source") {
		return 0, nil
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 1 && f <= 1000 {
		return f, nil
	}
	or := ""
	if source {
		or = ", or 'source' to keep the file's"
	}
	return 0, fmt.Errorf("the frame rate (--fps) is a number of frames per second from 1 to 1000, such as 24, 30 or 60%s, not %q", or, v)
}

// printFlags lists a command's flags as its usage line writes them
// (--fps RATE, not Go's "-fps string"): each usage names its value in
// backquotes, which become the placeholder, and a default is shown only
// when it says something.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		value, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if value != "" {
			line += " " + value
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		switch d := f.DefValue; d {
		case "", "0", "false":
		case ".":
			fmt.Fprint(w, " (default: the folder you are in)")
		default:
			fmt.Fprintf(w, " (default %s)", d)
		}
		fmt.Fprintln(w)
	})
}
