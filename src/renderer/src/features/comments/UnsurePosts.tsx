// Replies that may already be in their room (the station stopped while posting them): each names
// its room and text, and the moderator says what they found there. Until then the station refuses
// to post that reply there again; the choice is audited in the desk's name.
import type { UnsurePost } from '../../../../shared/contract/index';
import { useAction } from '../../state/use-action';
import { formatWhen } from '../../ui/format';
import { Button } from '../../ui/Button';
import { unsurePostText } from './unsure-post.logic';

export function UnsurePosts(props: { posts: readonly UnsurePost[]; me: string; now: number }) {
  const act = useAction();
  if (props.posts.length === 0) return null;
  const settle = (id: number, choice: 'inRoom' | 'postAgain') => void act('comments.unsurePost', { id, choice, by: props.me });
  return (
    <div className="unsure-posts" role="alert" data-testid="unsure-posts">
      {props.posts.map((p) => (
        <div key={p.id} className="banner banner-amber unsure-post" data-testid="unsure-post">
          <p>{unsurePostText(p, props.me, formatWhen(p.at, props.now))}</p>
          <blockquote dir="auto">{p.text}</blockquote>
          <Button onClick={() => settle(p.id, 'inRoom')} data-testid="unsure-in-room">
            It is there — do not post again
          </Button>
          <Button onClick={() => settle(p.id, 'postAgain')} data-testid="unsure-post-again">
            It is not there — post it again
          </Button>
        </div>
      ))}
    </div>
  );
}
