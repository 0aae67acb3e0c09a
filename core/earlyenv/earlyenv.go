// Package earlyenv adjusts the process environment before Fyne's packages
// initialise. Go initialises packages that are ready in the order of their
// import paths, and this one's path sorts before fyne.io's, so its init runs
// first. That is why it is a module of its own: no path under the
// "singlecam" module sorts early enough.
//
// Its one job today: under a C or POSIX locale with an encoding (C.UTF-8,
// the default of servers, containers and CI), Fyne's lang package reads
// "C" as a language tag at start-up, fails, and prints three lines of
// "Fyne error: Error parsing user locale C" before main runs, even for
// 'singlecam --version'. Naming English in LANGUAGE, which is what the C
// locale means for messages, gives it a tag it can parse.
package earlyenv

import "os"

func init() {
	if NeedsLanguage(os.Getenv) {
		os.Setenv("LANGUAGE", "en")
	}
}

// NeedsLanguage reports whether the locale in this environment is C or
// POSIX with an encoding (which Fyne cannot parse) and LANGUAGE is unset.
// A plain "C" or "POSIX" needs nothing: Fyne recognises those.
func NeedsLanguage(getenv func(string) string) bool {
	if getenv("LANGUAGE") != "" {
		return false
	}
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	base := locale
	for i, r := range locale {
		if r == '.' || r == '@' {
			base = locale[:i]
			break
		}
	}
	return base != locale && (base == "C" || base == "POSIX")
}
