module spiegel/worker

go 1.26.8

require (
	github.com/syumai/workers v0.32.0
	spiegel v0.0.0
)

// The Worker uses the main module's webserve package: one implementation of the
// site's headers for the Worker and for spiegel serve.
replace spiegel => ../
