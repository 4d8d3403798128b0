# Golden values for src/lib/models/classical/arima.ts, from R's forecast package (8.20, R 4.2.2):
#   auto.arima(y) (stepwise, defaults) and Arima(y, order, seasonal) fixed fits, each then forecast(fit, h, level = 80).
# Run from the repository root:  Rscript tests/tools/classical-golden-arima.R
# Writes tests/fixtures/classical/arima-golden.json with each series inline, so the test needs nothing else.
suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})

datasets <- Sys.getenv("FORECAST_LAB_DATASETS", "datasets")
retail <- read.csv(file.path(datasets, "us-retail-sales-monthly.csv"))
walmart <- read.csv(file.path(datasets, "walmart-store1-top10-depts-weekly.csv"))
items <- read.csv(file.path(datasets, "store-item-demand-10-series.csv"))
dept <- function(k) walmart$sales[walmart$dept == k][order(walmart$date[walmart$dept == k])]
item1 <- items[items$series_id == "store1_item1", ]
item1 <- item1$sales[order(item1$date)]

series <- list(
  AirPassengers = list(y = as.numeric(AirPassengers), m = 12, h = 24, source = "R datasets::AirPassengers"),
  USAccDeaths = list(y = as.numeric(USAccDeaths), m = 12, h = 24, source = "R datasets::USAccDeaths"),
  wineind = list(y = as.numeric(wineind), m = 12, h = 24, source = "R forecast::wineind"),
  lh = list(y = as.numeric(lh), m = 1, h = 10, source = "R datasets::lh"),
  us_retail = list(y = retail$y, m = 12, h = 12, source = "datasets/us-retail-sales-monthly.csv, column y"),
  walmart_dept2 = list(y = dept(2), m = 52, h = 13, source = "datasets/walmart-store1-top10-depts-weekly.csv, dept 2"),
  walmart_dept92 = list(y = dept(92), m = 52, h = 13, source = "datasets/walmart-store1-top10-depts-weekly.csv, dept 92"),
  store1_item1 = list(y = tail(item1, 730), m = 7, h = 28,
                      source = "datasets/store-item-demand-10-series.csv, store1_item1, last 730 days")
)

describe <- function(fit, y, m, h) {
  fc <- forecast(fit, h = h, level = 80)
  arma <- fit$arma # p, q, P, Q, m, d, D
  list(
    order = c(arma[1], arma[6], arma[2]), seasonal = c(arma[3], arma[7], arma[4]),
    form = forecast:::arima.string(fit, padding = FALSE),
    coef = as.list(fit$coef), sigma2 = fit$sigma2, loglik = fit$loglik, aicc = fit$aicc,
    mean = as.numeric(fc$mean), lower = as.numeric(fc$lower[, 1]), upper = as.numeric(fc$upper[, 1])
  )
}

auto <- list()
for (name in names(series)) {
  s <- series[[name]]
  y <- ts(s$y, frequency = s$m)
  started <- proc.time()[["elapsed"]]
  fit <- auto.arima(y)
  seconds <- proc.time()[["elapsed"]] - started
  D <- if (s$m > 1 && length(y) > 2 * s$m) nsdiffs(y) else 0
  dy <- if (D > 0) diff(y, lag = s$m, differences = D) else y
  case <- describe(fit, y, s$m, s$h)
  case$name <- name
  case$source <- s$source
  case$m <- s$m
  case$h <- s$h
  case$y <- s$y
  case$nsdiffs <- D
  case$ndiffs <- ndiffs(dy)
  case$seconds <- seconds
  auto[[length(auto) + 1]] <- case
}

fixed_specs <- list(
  list(series = "AirPassengers", order = c(0, 1, 1), seasonal = c(0, 1, 1), drift = FALSE),
  list(series = "USAccDeaths", order = c(0, 1, 1), seasonal = c(0, 1, 1), drift = FALSE),
  list(series = "USAccDeaths", order = c(1, 0, 1), seasonal = c(1, 0, 0), drift = FALSE),
  list(series = "wineind", order = c(1, 1, 1), seasonal = c(0, 1, 1), drift = FALSE),
  list(series = "lh", order = c(1, 0, 0), seasonal = c(0, 0, 0), drift = FALSE),
  list(series = "lh", order = c(3, 0, 0), seasonal = c(0, 0, 0), drift = FALSE),
  list(series = "us_retail", order = c(2, 1, 2), seasonal = c(0, 1, 1), drift = FALSE),
  list(series = "us_retail", order = c(1, 1, 1), seasonal = c(0, 0, 0), drift = TRUE),
  list(series = "AirPassengers", order = c(1, 0, 1), seasonal = c(0, 1, 1), drift = TRUE)
)
fixed <- list()
for (spec in fixed_specs) {
  s <- series[[spec$series]]
  y <- ts(s$y, frequency = s$m)
  fit <- Arima(y, order = spec$order, seasonal = spec$seasonal, include.drift = spec$drift)
  case <- describe(fit, y, s$m, s$h)
  case$series <- spec$series
  case$drift <- spec$drift
  fixed[[length(fixed) + 1]] <- case
}

out <- list(
  generated_by = "tests/tools/classical-golden-arima.R",
  r_version = R.version.string,
  forecast_version = as.character(packageVersion("forecast")),
  level = 80,
  auto = auto,
  fixed = fixed
)
dir.create("tests/fixtures/classical", recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE), "tests/fixtures/classical/arima-golden.json")
for (case in auto) cat(sprintf("%-15s %-40s %6.2fs\n", case$name, case$form, case$seconds))
