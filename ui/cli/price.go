package cli

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"singlecam/core/price"
	"singlecam/core/submit"
)

// priceJSON is a video's estimated price as `probe --json` prints it: the
// amounts in US dollars rounded to the cent, one per model asked for.
type priceJSON struct {
	Currency string   `json:"currency"`
	Seconds  float64  `json:"seconds"` // billed: the clip window, else the whole video
	S1       *float64 `json:"S1,omitempty"`
	S2       *float64 `json:"S2,omitempty"`
}

func toPriceJSON(e price.Estimate) *priceJSON {
	usd := func(model string) *float64 {
		if e.Model != "" && e.Model != model {
			return nil
		}
		v := price.USD(e.Cents(model))
		return &v
	}
	return &priceJSON{Currency: "USD", Seconds: math.Round(e.Seconds*1000) / 1000, S1: usd("S1"), S2: usd("S2")}
}

// priceLine says a video's price: "$0.04 with S1, $0.07 with S2, for 3 s".
func priceLine(e price.Estimate) string {
	var parts []string
	for _, m := range price.Models {
		if e.Model == "" || e.Model == m {
			parts = append(parts, price.Dollars(e.Cents(m))+" with "+m)
		}
	}
	return fmt.Sprintf("%s, for %s s", strings.Join(parts, ", "), strconv.FormatFloat(math.Round(e.Seconds*10)/10, 'f', -1, 64))
}

// priceModel reads --mocap-model for a price: S1, S2, or "" for both.
func priceModel(flag string) (string, error) {
	switch m := strings.ToUpper(strings.TrimSpace(flag)); m {
	case "", "S1", "S2":
		return m, nil
	}
	return "", fmt.Errorf("--mocap-model takes S1 or S2 (got %q)", flag)
}

// parseMaxUSD reads --max-usd: a number of dollars, or "" for no ceiling
// (-1 cents).
func parseMaxUSD(s string) (int64, error) {
	if strings.TrimSpace(s) == "" {
		return -1, nil
	}
	v, err := strconv.ParseFloat(strings.TrimPrefix(strings.TrimSpace(s), "$"), 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("--max-usd takes an amount in US dollars, like 2.50 (got %q)", s)
	}
	return int64(math.Round(v * 100)), nil
}

// estimateBatch prints what a batch is estimated to cost and reports
// whether it may be sent: not when its highest estimate is above maxCents
// (-1: no ceiling).
func estimateBatch(w io.Writer, requests []submit.Request, maxCents int64) bool {
	var total price.Total
	unknown := 0
	for _, r := range requests {
		e, err := submit.EstimateOf(r)
		if err != nil {
			unknown++
			continue
		}
		total.Add(e)
	}
	jobs := "1 job"
	if len(requests) != 1 {
		jobs = fmt.Sprintf("%d jobs", len(requests))
	}
	fmt.Fprintf(w, "Estimated cost: about %s for %s. %s\n", total, jobs, price.Published.Assumption())
	if unknown > 0 {
		fmt.Fprintf(w, "(%d of them could not be priced: their headers could not be read.)\n", unknown)
	}
	if maxCents >= 0 && total.High > maxCents {
		fmt.Fprintf(w, "Nothing was sent: the estimate, %s, is above --max-usd %s. Raise --max-usd, or send fewer or shorter videos.\n",
			total, price.Dollars(maxCents))
		return false
	}
	return true
}
