import { useLocale } from '@linju/ui';
import { Link } from 'react-router';
import { publicScreenOf, screenTranslate } from '../../lib/hosted-screens.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';

type Offer = { pluginId: string; screenId: string; path: string };

/** What a plugin's public screen offers, in the page's language, and its address; null for none. */
function useScreenOffer(offer: Offer, slug: string) {
  const locale = useLocale();
  const hosted = publicScreenOf(offer.pluginId, offer.screenId);
  const screenOffer = hosted?.screen.offer;
  if (!hosted || !screenOffer) return null;
  const own = screenTranslate(hosted.messages, locale);
  return {
    title: own(screenOffer.title),
    intro: own(screenOffer.intro),
    to: `${publicSitePaths.home(slug)}/${offer.path}`,
  };
}

/** A plugin's public screen as a page of the site offers it: its title, what it is for, and the way in. */
export function ScreenOffer(props: {
  offer: Offer;
  slug: string;
  /** The link's words, as the page says it (在线填写, 去预约). */
  open: string;
}) {
  const offered = useScreenOffer(props.offer, props.slug);
  if (!offered) return null;
  const headingId = `offer-${props.offer.pluginId}-${props.offer.screenId}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{offered.title}</h2>
      <p>{offered.intro}</p>
      <p>
        <Link to={offered.to}>{props.open}</Link>
      </p>
    </section>
  );
}

/** A plugin's public screen as a tile among the home page's quick links: its title, the way in. */
export function ScreenOfferTile(props: { offer: Offer; slug: string }) {
  const offered = useScreenOffer(props.offer, props.slug);
  return offered ? (
    <Link className="public-tile" to={offered.to}>
      {offered.title}
    </Link>
  ) : null;
}
