package newtake

import (
	"math"
	"strconv"
	"strings"
)

// parseClipTime reads a time in a clip field as the app itself writes
// times: seconds ("65", "65.5", "65 s"), minutes and seconds ("1:05",
// "1:05.5", "0:03.0") or hours too ("1:02:03"). A decimal comma is taken
// as a point. ok is false for anything else, negative times included.
func parseClipTime(s string) (seconds float64, ok bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	s = strings.TrimSpace(strings.TrimSuffix(s, "s"))
	if s == "" {
		return 0, false
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, false
	}
	for i, part := range parts {
		last := i == len(parts)-1
		if part == "" || strings.ContainsAny(part, "+-eEinfINFxX_ ") {
			return 0, false // only plain digits: no signs, exponents, Inf or NaN
		}
		if !last && strings.Contains(part, ".") {
			return 0, false // only the seconds may have a fraction
		}
		v, err := strconv.ParseFloat(part, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, false
		}
		if i > 0 && v >= 60 {
			return 0, false // "1:75" is a typo, not 2:15
		}
		seconds = seconds*60 + v
	}
	return seconds, true
}

// formatClipTime writes seconds as the clip fields show them: "0:00",
// "1:05", "1:05.5".
func formatClipTime(seconds float64) string {
	tenths := int64(math.Round(seconds * 10))
	minutes, rest := tenths/600, tenths%600
	text := strconv.FormatInt(minutes, 10) + ":" + leftPad(strconv.FormatInt(rest/10, 10))
	if rest%10 != 0 {
		text += "." + strconv.FormatInt(rest%10, 10)
	}
	return text
}

func leftPad(s string) string {
	if len(s) < 2 {
		return "0" + s
	}
	return s
}
