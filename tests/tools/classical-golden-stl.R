# Golden values for src/lib/models/classical/stl.ts and the seasonal strength in arima.ts, from R (4.2.2, stats::stl)
# and R's forecast package (8.20): for each series, the decomposition mstl(y) makes of a one-period ts (which is
# stl(y, s.window = 11), checked below), forecast:::seas.heuristic(y) and nsdiffs(y).
# Run from the repository root:  Rscript tests/tools/classical-golden-stl.R
# Writes tests/fixtures/classical/stl-golden.json with each series inline, so the test needs nothing else.
suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})

datasets <- Sys.getenv("FORECAST_LAB_DATASETS", "datasets")
items <- read.csv(file.path(datasets, "store-item-demand-10-series.csv"))
item1 <- items[items$series_id == "store1_item1", ]
item1 <- item1$sales[order(item1$date)]

series <- list(
  AirPassengers = list(y = as.numeric(AirPassengers), m = 12, source = "R datasets::AirPassengers"),
  USAccDeaths = list(y = as.numeric(USAccDeaths), m = 12, source = "R datasets::USAccDeaths"),
  gas464 = list(y = as.numeric(gas)[1:464], m = 12, source = "R forecast::gas, first 464 observations"),
  wineind = list(y = as.numeric(wineind), m = 12, source = "R forecast::wineind"),
  store1_item1 = list(y = head(item1, 730), m = 7,
                      source = "datasets/store-item-demand-10-series.csv, store1_item1, first 730 days")
)

cases <- list()
for (name in names(series)) {
  s <- series[[name]]
  y <- ts(s$y, frequency = s$m)
  fit <- mstl(y)
  # mstl on a plain ts runs one stl() with the first of its s.windows (7 + 4 * 1 = 11) and no Box-Cox.
  direct <- stl(y, s.window = 11)$time.series
  stopifnot(
    all(as.numeric(fit[, "Trend"]) == as.numeric(direct[, "trend"])),
    all(as.numeric(fit[, paste0("Seasonal", s$m)]) == as.numeric(direct[, "seasonal"])),
    all(as.numeric(fit[, "Remainder"]) == as.numeric(direct[, "remainder"]))
  )
  cases[[length(cases) + 1]] <- list(
    name = name, source = s$source, m = s$m, y = s$y,
    s_window = 11,
    seasonal = as.numeric(direct[, "seasonal"]), trend = as.numeric(direct[, "trend"]),
    remainder = as.numeric(direct[, "remainder"]),
    seas_heuristic = forecast:::seas.heuristic(y),
    nsdiffs = nsdiffs(y)
  )
}

out <- list(
  generated_by = "tests/tools/classical-golden-stl.R",
  r_version = R.version.string,
  forecast_version = as.character(packageVersion("forecast")),
  cases = cases
)
dir.create("tests/fixtures/classical", recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE), "tests/fixtures/classical/stl-golden.json")
for (case in cases) cat(sprintf("%-15s n = %3d  seas.heuristic = %.6f  nsdiffs = %d\n", case$name, length(case$y),
                                case$seas_heuristic, case$nsdiffs))
