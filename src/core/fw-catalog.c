/* fw-catalog.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-catalog"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-catalog.h"

/* The default effects are illustrative, not measurements: modest changes
 * a small business could plausibly see, chosen so that one point moves
 * the wheel visibly without swamping it (docs/model-notes.md, "Catalog").
 * Frictions only ever hurt (conversion <= 0, churn >= 0, referral <= 0)
 * and forces only ever help, so that what a point is drawn as matches
 * what it does until the user tunes it.
 *
 * Names and explanations are marked with N_() and stay untranslated in
 * the table: the table is static and shared, so fw_catalog_list() and
 * fw_catalog_lookup() hand out the original strings and whoever shows
 * them (the window's palette) translates with _() at display time.
 * fw_catalog_entry_to_point() makes a point the user owns, so it
 * translates there, once. Names are kept to 40 characters so that they
 * fit on the rim. */
static const FwCatalogEntry catalog[] = {
  /* Frictions */
  { "learn-only-via-support", N_("Must ask support to learn about it"), FW_POINT_FRICTION,
    N_("Product details are only available by contacting support, so prospects stall at Engage."),
    -0.25, 0.0, 0.0 },
  { "cant-try-before-buying", N_("Can't try before buying"), FW_POINT_FRICTION,
    N_("No trial, demo or sample, so prospects hesitate to commit at Engage or Close."),
    -0.3, 0.0, 0.0 },
  { "crossed-sales-support", N_("Sales and support questions crossed"), FW_POINT_FRICTION,
    N_("Support gets sales questions and sales gets support ones, so both wait; hurts Engage and Delight."),
    -0.15, 0.01, 0.0 },
  { "uncoordinated-email", N_("Swamped by uncoordinated email"), FW_POINT_FRICTION,
    N_("Teams email customers separately and too often, so they tune out, leave and stop recommending; hurts Delight."),
    0.0, 0.015, -0.2 },
  { "two-products-two-teams", N_("Two products, two sales teams"), FW_POINT_FRICTION,
    N_("Buying a second product means starting over with another sales team; slows Engage and Close."),
    -0.2, 0.0, 0.0 },
  { "many-poor-leads", N_("Many leads but few good ones"), FW_POINT_FRICTION,
    N_("Marketing brings volume rather than fit, so few leads are worth following up; slows Attract."),
    -0.25, 0.0, 0.0 },
  { "long-checkout-form", N_("Long checkout form"), FW_POINT_FRICTION,
    N_("Every extra field loses buyers at the last step; hurts the stage where people pay."),
    -0.2, 0.0, 0.0 },
  { "no-preferred-channel", N_("No help on the customer's channel"), FW_POINT_FRICTION,
    N_("Help only by phone or email when customers want chat or messaging; raises churn at Delight."),
    0.0, 0.02, -0.1 },
  { "hard-to-find-in-search", N_("Hard to find in search"), FW_POINT_FRICTION,
    N_("People searching for the problem you solve don't find you; slows Attract."),
    -0.2, 0.0, 0.0 },
  { "slow-first-response", N_("Slow first response"), FW_POINT_FRICTION,
    N_("Enquiries wait days for an answer and the prospect moves on; slows Engage."),
    -0.25, 0.0, 0.0 },
  { "confusing-pricing", N_("Confusing pricing"), FW_POINT_FRICTION,
    N_("Prospects can't tell what they would pay, so they put the decision off; slows Engage."),
    -0.2, 0.0, 0.0 },
  { "hard-onboarding", N_("Hard onboarding"), FW_POINT_FRICTION,
    N_("New customers struggle to get value and some give up early; hurts the first customer stage."),
    -0.15, 0.03, 0.0 },
  { "surprise-renewal-increase", N_("Surprise price rise at renewal"), FW_POINT_FRICTION,
    N_("Unannounced increases at renewal push customers away and stop referrals; hurts Delight."),
    0.0, 0.03, -0.3 },
  { "no-feedback-channel", N_("No way to leave feedback"), FW_POINT_FRICTION,
    N_("Unhappy customers have nowhere to say so, and leave instead; hurts Delight."),
    0.0, 0.015, -0.15 },
  { "lost-context-at-handoffs", N_("Lost context at hand-offs"), FW_POINT_FRICTION,
    N_("Prospects repeat themselves each time marketing passes them to sales; slows Engage and Close."),
    -0.15, 0.01, 0.0 },
  { "unreliable-product", N_("Outages and bugs"), FW_POINT_FRICTION,
    N_("A product that often fails wears down goodwill; raises churn and cuts referrals at Delight."),
    0.0, 0.03, -0.25 },

  /* Forces */
  { "referral-programme", N_("Referral programme with rewards"), FW_POINT_FORCE,
    N_("Customers get a reward for each friend who signs up; lifts referrals at Delight."),
    0.0, 0.0, 0.6 },
  { "round-the-clock-chat", N_("Round-the-clock chat help"), FW_POINT_FORCE,
    N_("Questions are answered at any hour, before and after buying; helps Engage and Delight."),
    0.15, -0.01, 0.0 },
  { "knowledge-base", N_("Self-service knowledge base"), FW_POINT_FORCE,
    N_("Prospects and customers find answers on their own without waiting; helps Engage."),
    0.1, -0.01, 0.0 },
  { "customer-community", N_("Customer community"), FW_POINT_FORCE,
    N_("Customers help each other and share what they do; cuts churn and lifts referrals at Delight."),
    0.0, -0.01, 0.4 },
  { "free-trial", N_("Free trial or self-purchase"), FW_POINT_FORCE,
    N_("Prospects try and buy without waiting for sales; helps Engage and Close."),
    0.3, 0.0, 0.0 },
  { "onboarding-sequence", N_("Onboarding sequence"), FW_POINT_FORCE,
    N_("A step-by-step welcome gets new customers to value fast; cuts early churn."),
    0.15, -0.02, 0.0 },
  { "customer-success-team", N_("Customer success team"), FW_POINT_FORCE,
    N_("People who check in, spot risk early and help customers grow; cuts churn at Delight."),
    0.0, -0.02, 0.2 },
  { "shared-customer-record", N_("One shared customer record"), FW_POINT_FORCE,
    N_("Marketing, sales and support see the same history, so nobody asks twice; helps any stage."),
    0.1, -0.01, 0.0 },
  { "reviews-testimonials", N_("Reviews and testimonials"), FW_POINT_FORCE,
    N_("Happy customers' words on your site and review sites; helps Attract and Engage."),
    0.15, 0.0, 0.2 },
  { "affiliate-programme", N_("Affiliate programme"), FW_POINT_FORCE,
    N_("Partners earn a commission for the customers they send; lifts referrals."),
    0.0, 0.0, 0.5 },
  { "transparent-pricing", N_("Transparent pricing page"), FW_POINT_FORCE,
    N_("Prices are on the site, so prospects qualify themselves and decide sooner; helps Engage."),
    0.15, 0.0, 0.0 },
  { "loyalty-rewards", N_("Loyalty rewards"), FW_POINT_FORCE,
    N_("Perks for staying and buying again; cuts churn at Delight."),
    0.0, -0.015, 0.1 },
  { "useful-content-seo", N_("Useful content and SEO"), FW_POINT_FORCE,
    N_("Guides that answer what prospects search for bring them in and move them on; helps Attract."),
    0.2, 0.0, 0.0 },
  { "fast-response-promise", N_("Fast response promise"), FW_POINT_FORCE,
    N_("Every enquiry is answered within the hour, while interest is high; helps Engage and Close."),
    0.2, 0.0, 0.0 },
  { "one-page-checkout", N_("One-page checkout"), FW_POINT_FORCE,
    N_("Few fields and saved details, so more buyers finish paying; helps the stage where people pay."),
    0.2, 0.0, 0.0 },
  { "feedback-loop", N_("Customer feedback loop"), FW_POINT_FORCE,
    N_("Surveys and a public roadmap show customers they are heard; cuts churn, lifts referrals."),
    0.0, -0.01, 0.2 },
};

const FwCatalogEntry *
fw_catalog_list (guint *n_entries)
{
  g_return_val_if_fail (n_entries != NULL, NULL);

  *n_entries = G_N_ELEMENTS (catalog);

  return catalog;
}

const FwCatalogEntry *
fw_catalog_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (catalog); i++)
    {
      if (strcmp (catalog[i].id, id) == 0)
        return &catalog[i];
    }

  return NULL;
}

FwPoint *
fw_catalog_entry_to_point (const FwCatalogEntry *entry,
                           double                angle)
{
  FwPoint *point;

  g_return_val_if_fail (entry != NULL, NULL);

  point = fw_point_new (_(entry->name), angle);
  point->kind = entry->kind;
  point->conversion = entry->conversion;
  point->churn = entry->churn;
  point->referral = entry->referral;
  g_free (point->note);
  point->note = g_strdup (_(entry->explanation));

  return point;
}
