package clean

import "fmt"

// A clean-up can make a number worse (locking feet that a walk cycle in
// place slides through bends its straight knees quickly; locking without
// smoothing adds a little of the leg's own jitter). It is never silent:
// Worse lists what got worse, and each finding says so in plain words.

// Finding is one number that clean-up made worse, with what to try.
type Finding struct {
	// What names the number, as the player and the CLI show it.
	What string
	// Before and After are the number's values.
	Before, After float64
	// Unit is the number's unit, as shown ("cm/s"; empty for none).
	Unit string
	// Prec is how many decimals to show.
	Prec int
	// Try says what might help, in a few plain words.
	Try string
}

// Sentence says the finding in plain words, for a person.
func (f Finding) Sentence() string {
	unit := ""
	if f.Unit != "" {
		unit = " " + f.Unit
	}
	return fmt.Sprintf("Worse after clean-up: %s %s → %s%s. %s", f.What, Show(f.Before, f.Prec), Show(f.After, f.Prec), unit, f.Try)
}

// Tolerances below which a change is not worth a word: the numbers'
// shown precision.
const (
	worseSkate  = 0.05 // cm/s
	worseFloor  = 0.5  // cm
	worseJitter = 0.5  // percent of the value before
)

// Worse lists the numbers of r that got worse, in the order the numbers
// are shown; none for an actor without legs unless it shakes more.
func (r Report) Worse() []Finding {
	b, a := r.Before, r.After
	var out []Finding
	if r.Legs && a.Skate > b.Skate+worseSkate {
		out = append(out, Finding{"foot skate", b.Skate, a.Skate, "cm/s", 1,
			"Planted feet slide further: try the feet on Lock, or less smoothing."})
	}
	if a.Jitter > b.Jitter*(1+worseJitter/100) {
		try := "Try more smoothing."
		if r.Legs {
			try = "Fixing the feet moves the legs quickly on a few frames: try more smoothing, or the feet on Ground or Off."
		}
		out = append(out, Finding{"jitter", b.Jitter, a.Jitter, "m/s³", 0, try})
	}
	if !r.Legs {
		return out
	}
	if a.PlantedHigh > max(b.PlantedHigh, 0)+worseFloor {
		out = append(out, Finding{"highest planted foot", b.PlantedHigh, a.PlantedHigh, "cm", 1,
			"A planted foot stands further above the floor: its leg cannot reach down."})
	}
	if a.PlantedLow < min(b.PlantedLow, 0)-worseFloor || a.Lowest < min(b.Lowest, 0)-worseFloor {
		out = append(out, Finding{"lowest foot", b.Lowest, a.Lowest, "cm", 1,
			"A foot goes further below the floor."})
	}
	return out
}
