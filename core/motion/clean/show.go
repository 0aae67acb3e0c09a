package clean

import (
	"math"
	"strconv"
)

// Show writes a number for people with prec decimals. A value that rounds
// to zero is written "0" (never "-0.0"): a sign on nothing reads as a
// measurement below the floor.
func Show(v float64, prec int) string {
	p := math.Pow(10, float64(prec))
	r := math.Round(v*p) / p
	if r == 0 || math.IsNaN(r) {
		r = 0 // also turns -0 into 0
	}
	return strconv.FormatFloat(r, 'f', prec, 64)
}

// ShowSigned is Show with a "+" before a positive value (a height above
// the floor), and no sign on zero.
func ShowSigned(v float64, prec int) string {
	s := Show(v, prec)
	if s[0] != '-' && math.Round(v*math.Pow(10, float64(prec))) != 0 {
		return "+" + s
	}
	return s
}

// ShowPlanted writes how far planted feet stand from the floor, lowest to
// highest in centimetres ("-19.0 to +11.0"), or one value when both read
// the same ("0.0": every planted foot on the floor).
func ShowPlanted(n Numbers) string {
	lo, hi := ShowSigned(n.PlantedLow, 1), ShowSigned(n.PlantedHigh, 1)
	if lo == hi {
		return lo
	}
	return lo + " to " + hi
}

// ShowChange writes the change from before to after in percent, signed
// ("-14 %", "+29 %"), or "±0 %" when it rounds to nothing.
func ShowChange(before, after float64) string {
	if before == 0 {
		return "±0 %"
	}
	s := ShowSigned(100*(after-before)/before, 0)
	if s == "0" {
		return "±0 %"
	}
	return s + " %"
}
