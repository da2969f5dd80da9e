"""Demo psychoeducation articles for the fictional Linden Tree Counselling practice."""

ARTICLES = [
    {
        "slug": "first-therapy-session",
        "title": "What your first therapy session is actually like",
        "summary": (
            "Nervous about your first therapy session? Here is a calm, step-by-step look at what "
            "usually happens, what you might talk about and how it often ends."
        ),
        "author": "maya-okafor",
        "date": "2026-06-04",
        "categories": ["Starting therapy"],
        "tags": ["first session", "what to expect", "finding a therapist"],
        "body": [
            (
                "text",
                (
                    "<p>If you have booked your first therapy session, you might feel a mix of "
                    "hope and nerves. Maybe you have rehearsed what to say. Maybe you have thought "
                    "about cancelling more than once. Both are very common.</p>"
                    "<p>It can help to know what the hour will actually look like. There is no "
                    "test to pass and no right way to do it. Here is a plain walk-through of what "
                    "usually happens, so there are fewer surprises.</p>"
                    "<h2>Before you arrive</h2>"
                    "<p>Most practices send a few forms ahead of time. These ask for basic "
                    "details, like your contact information and what brings you in. You can keep "
                    "your answers short. Your therapist will not judge your spelling or expect "
                    "your full life story.</p>"
                    "<p>If you are meeting online, find a spot where you feel fairly private. A "
                    "parked car, a bedroom with the door closed or a quiet corner with headphones "
                    "can all work. At Linden Tree Counselling, we send a short note before your "
                    "first visit. It tells you how to join and who you will meet.</p>"
                    "<h2>The first few minutes</h2>"
                    "<p>Your therapist will welcome you and may start with some housekeeping. This "
                    "often covers how long sessions last, how fees work and what happens to the "
                    "things you share. It is fine to ask questions at any point.</p>"
                    "<p>Then they will usually ask something open, like “What brings you here?” "
                    "You do not need a neat answer. “I’m not sure, I just know things feel heavy” "
                    "is a perfectly good place to start.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "What if I don’t know what to say?",
                    "attribution": "a worry many people bring to a first session",
                },
            ),
            (
                "text",
                (
                    "<h2>What you might talk about</h2>"
                    "<p>Much of the first session is about getting to know you. Your therapist "
                    "might ask about:</p>"
                    "<ul><li>what has been hard lately, and for how long</li>"
                    "<li>your sleep, appetite and energy</li>"
                    "<li>the people in your life, and who you lean on</li>"
                    "<li>anything you have tried before that helped, or didn’t</li>"
                    "<li>what you hope might be different after therapy</li></ul>"
                    "<p>You get to choose how much you share. If a question feels like too much, "
                    "you can say, “I’m not ready to talk about that yet.” A good therapist will "
                    "respect that. Trust tends to grow over time, not in one hour.</p>"
                    "<h3>If feelings come up</h3>"
                    "<p>Some people cry in the first session. Some feel numb or oddly calm. Some "
                    "laugh when they are nervous. All of this is normal, and none of it will "
                    "surprise your therapist.</p>"
                ),
            ),
            (
                "callout",
                {
                    "heading": "A small thing to try",
                    "text": (
                        "<p>Before your session, jot down two or three things you want your "
                        "therapist to know. Keep the note on your phone. If your mind goes blank, "
                        "you can simply read from it.</p>"
                    ),
                },
            ),
            (
                "text",
                (
                    "<h2>How it usually ends</h2>"
                    "<p>Near the end, your therapist may share a few first thoughts. They might "
                    "suggest how often to meet, or what you could focus on together. They will "
                    "likely ask how the session felt for you. This is a real question, and an "
                    "honest answer helps.</p>"
                    "<p>You might leave feeling lighter. You might feel tired or a little raw. "
                    "Both are normal after talking about things you usually carry alone. If you "
                    "can, plan something gentle afterwards, like a short walk, a warm drink or a "
                    "quiet evening.</p>"
                    "<h2>Taking the next step</h2>"
                    "<p>One session will not fix everything, and it is not meant to. It is a first "
                    "conversation. It is a chance to see whether this person and this way of "
                    "working feel right for you.</p>"
                    "<p>If you are thinking about therapy, we offer a free 15-minute consultation "
                    "by phone or video. You can ask questions, share a little about what is going "
                    "on and see how it feels to talk with one of us. There is no pressure to book "
                    "anything more. Whenever you feel ready, we would be glad to hear from you.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "crying-in-therapy",
        "title": "Why crying in therapy is a sign of healing, not of brokenness",
        "summary": (
            "Many people say sorry when they cry in therapy. Here is why tears are welcome, what "
            "they can show you, and what to do if crying feels scary."
        ),
        "author": "sam-whitfield",
        "date": "2026-06-25",
        "categories": ["Feelings"],
        "tags": ["emotions", "what to expect", "self-compassion"],
        "body": [
            (
                "text",
                (
                    "<p>Many people say sorry when they cry in therapy. They reach for a tissue "
                    "and say, “I don’t usually do this.” Some worry that tears mean they are "
                    "falling apart. Others worry they are wasting the session.</p>"
                    "<p>If that sounds like you, here is something that might help. Crying in "
                    "therapy is not a sign that something is wrong with you. Very often, it is a "
                    "sign that something is finally starting to move.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "Am I too much?",
                    "attribution": "a thought many clients describe",
                },
            ),
            (
                "text",
                (
                    "<h2>Why tears show up in the therapy room</h2>"
                    "<p>Therapy is one of the few places where you are asked to slow down and "
                    "notice how you feel. Most of daily life asks for the opposite. We hold it "
                    "together at work, with our kids, in traffic and at family dinners.</p>"
                    "<p>Then you sit somewhere safe, and someone listens closely. Feelings that "
                    "have waited a long time can rise to the surface. That is not weakness. It is "
                    "what tends to happen when a person finally stops bracing.</p>"
                    "<h2>What crying can do for you</h2>"
                    "<p>Crying is one of the ways our bodies let go of strain. Many people notice "
                    "that after a good cry, their breathing slows and their shoulders drop. "
                    "Researchers are still learning exactly how this works, but the pattern is "
                    "familiar to most of us.</p>"
                    "<p>In therapy, tears can also:</p>"
                    "<ul><li>show you and your therapist what matters most to you</li>"
                    "<li>point toward a feeling you have been pushing away</li>"
                    "<li>help a painful memory feel a little less sharp once it is shared</li>"
                    "<li>remind you that you are allowed to have needs</li></ul>"
                    "<p>Your therapist is not looking for tears. You do not have to cry to be "
                    "“doing therapy right.” But when tears come, they are welcome.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "I thought I was over this. Why am I crying now?",
                    "attribution": "",
                },
            ),
            (
                "text",
                (
                    "<h2>When crying feels scary</h2>"
                    "<h3>If you were taught not to cry</h3>"
                    "<p>Some of us grew up in homes where tears got us teased, ignored or "
                    "punished. Others learned that being “the strong one” kept the family steady. "
                    "If that is your story, crying in therapy might stir up shame or panic. That "
                    "makes sense. It is something you can explore gently, at your own pace.</p>"
                    "<h3>If you fear you won’t be able to stop</h3>"
                    "<p>Some people worry that once the tears start, they will never end. In "
                    "practice, waves of crying do pass. Your therapist can help you slow down, "
                    "breathe and come back to the room before the session ends. You will not be "
                    "sent out the door in the middle of a storm.</p>"
                ),
            ),
            (
                "callout",
                {
                    "heading": "If you’d rather not cry right now",
                    "text": (
                        "<p>It’s okay to say, “I need a minute,” or “Can we pause?” You can look "
                        "around the room, press your feet into the floor and take a few slow "
                        "breaths. Choosing when to let feelings out is part of the work, too.</p>"
                    ),
                },
            ),
            (
                "text",
                (
                    "<h2>What your therapist sees</h2>"
                    "<p>When you cry, your therapist does not see someone broken. They see a "
                    "person who has been carrying something heavy. They see someone brave enough "
                    "to set it down for a moment. At Linden Tree Counselling, we think of those "
                    "moments as a kind of trust, and we treat them with care.</p>"
                    "<p>It is also fine if you don’t cry in therapy at all. Some people work "
                    "through feelings quietly, through words, or later at home. There is no single "
                    "right way to feel.</p>"
                    "<h2>A gentle next step</h2>"
                    "<p>If you have been holding a lot inside and you are not sure where to put "
                    "it, talking with someone can help. We offer a free 15-minute consultation, so "
                    "you can ask questions and get a sense of how we work. There is no commitment "
                    "and no pressure. You are welcome to reach out whenever it feels right.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "understanding-anxiety",
        "title": "Understanding anxiety: what your body is trying to tell you",
        "summary": (
            "A racing heart, a tight chest, an upset stomach. Learn why anxiety shows up in the "
            "body, what it might be signalling and a few gentle ways to settle it."
        ),
        "author": "maya-okafor",
        "date": "2026-07-16",
        "categories": ["Anxiety"],
        "tags": ["anxiety", "coping skills", "body"],
        "body": [
            (
                "text",
                (
                    "<p>Anxiety is not only a feeling in your head. For many people, it shows up "
                    "first in the body. A tight chest. A racing heart. A stomach that won’t "
                    "settle. Sometimes the body seems to worry before the mind even knows why.</p>"
                    "<p>These feelings can be frightening, especially when they come out of "
                    "nowhere. Understanding what is going on can make them a little less scary. "
                    "Your body is not against you. It is trying to protect you, even if it is a "
                    "bit too eager.</p>"
                    "<h2>Your built-in alarm system</h2>"
                    "<p>Humans have an alarm system that is meant to keep us safe. When the brain "
                    "senses danger, it sends signals that get the body ready to act. This is often "
                    "called the “fight, flight or freeze” response.</p>"
                    "<p>In a real emergency, this is useful. Your heart beats faster to send blood "
                    "to your muscles. Your breathing speeds up to bring in more air. Your focus "
                    "narrows onto the threat. The trouble is that the alarm can’t always tell a "
                    "bear from a stressful email.</p>"
                    "<h2>Common signs of anxiety in the body</h2>"
                    "<p>Everyone’s body is different, but many people notice some of these:</p>"
                    "<ul><li>a fast or pounding heartbeat</li>"
                    "<li>shallow breathing, or feeling you can’t get a full breath</li>"
                    "<li>tight muscles, often in the jaw, neck or shoulders</li>"
                    "<li>an upset stomach, nausea or a change in appetite</li>"
                    "<li>sweating, shaking or feeling hot and cold</li>"
                    "<li>trouble sleeping, or waking up already on edge</li>"
                    "<li>feeling dizzy, or a little unreal</li></ul>"
                    "<p>These feelings can have other causes too, so it is always reasonable to "
                    "check in with a doctor. If your doctor finds no medical cause, anxiety may be "
                    "part of the picture.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "What if something is really wrong with me?",
                    "attribution": "a common thought in anxious moments",
                },
            ),
            (
                "text",
                (
                    "<h2>What your body might be trying to say</h2>"
                    "<p>Anxiety often carries a message, even when it delivers it too loudly. It "
                    "can point toward something that matters to you. It might be a fear of letting "
                    "people down. It might be a need for rest you have been ignoring, or an old "
                    "hurt that still feels unfinished.</p>"
                    "<p>In therapy, we get curious about these signals instead of only trying to "
                    "shut them off. We might ask:</p>"
                    "<ol><li>When did you first notice the feeling today?</li>"
                    "<li>What was happening just before?</li>"
                    "<li>If the feeling could speak, what might it want you to know?</li></ol>"
                    "<p>Over time, patterns tend to appear. Once you can see them, you have more "
                    "choices about how to respond.</p>"
                ),
            ),
            (
                "callout",
                {
                    "heading": "A small thing to try",
                    "text": (
                        "<p>Try breathing out for longer than you breathe in. Breathe in for a "
                        "count of four, then out slowly for a count of six. Repeat a few times. A "
                        "long, slow breath out is a simple way to tell your body it can ease off a "
                        "little.</p>"
                    ),
                },
            ),
            (
                "text",
                (
                    "<h2>Gentle ways to calm the alarm</h2>"
                    "<p>You can’t always stop anxiety from showing up. But you can help your body "
                    "come back down. Some people find these helpful:</p>"
                    "<ul><li>naming five things you can see around you</li>"
                    "<li>pressing your feet firmly into the floor</li>"
                    "<li>holding something cool, like a glass of water</li>"
                    "<li>taking a short walk, even just around the room</li></ul>"
                    "<p>None of these is a cure. They are small tools that can take the edge off. "
                    "Therapy can help you find which ones work for you. It can also help you look "
                    "at what keeps the alarm going in the first place.</p>"
                    "<h2>You don’t have to figure this out alone</h2>"
                    "<p>At Linden Tree Counselling, we work with many people who live with "
                    "anxiety. We can help you understand your own patterns and build skills that "
                    "fit your life. If you’d like to talk it over, we offer a free 15-minute "
                    "consultation. It is a simple, low-pressure chance to ask questions and see "
                    "whether we might be a good fit.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "grief-has-no-schedule",
        "title": "Grief does not follow a schedule",
        "summary": (
            "If your grief hasn’t followed the timeline others expect, nothing is wrong with you. "
            "A gentle look at how grief really moves, and when support can help."
        ),
        "author": "daniel-reyes",
        "date": "2026-08-06",
        "categories": ["Grief and loss", "Feelings"],
        "tags": ["grief", "emotions", "self-compassion"],
        "body": [
            (
                "text",
                (
                    "<p>People often talk about grief as if it has a timetable. A few days off "
                    "work. A year of “firsts.” Then, somehow, you are supposed to be back to "
                    "normal. If your grief has not followed that plan, you may wonder whether "
                    "something is wrong with you.</p>"
                    "<p>It isn’t. Grief is not a task with a deadline. It is a response to love "
                    "and loss, and it moves at its own pace. This article is for anyone who feels "
                    "out of step with how they think they should be grieving.</p>"
                    "<h2>Why the “stages” can be misleading</h2>"
                    "<p>You may have heard of the five stages of grief: denial, anger, bargaining, "
                    "depression and acceptance. These ideas were first used to describe how some "
                    "people face their own dying. Over time, they turned into a kind of checklist "
                    "for everyone.</p>"
                    "<p>Many people do feel some of these things. But very few move through them "
                    "in a neat line. You might feel at peace one morning and furious that same "
                    "night. You might skip some feelings entirely. Grief tends to loop and circle "
                    "back, and that is normal.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "It’s been two years. Shouldn’t I be over this by now?",
                    "attribution": "",
                },
            ),
            (
                "text",
                (
                    "<h2>What grief can look like</h2>"
                    "<p>Grief is not only sadness. It can show up in many forms, including:</p>"
                    "<ul><li>numbness, or feeling like you are watching life from behind glass</li>"
                    "<li>anger at the person who died, at others or at yourself</li>"
                    "<li>guilt about things said or left unsaid</li>"
                    "<li>relief, especially after a long illness, and then guilt about the "
                    "relief</li>"
                    "<li>trouble focusing, sleeping or remembering things</li>"
                    "<li>sudden waves of tears, set off by a song, a smell or a date</li></ul>"
                    "<p>Grief also follows losses other than death. The end of a marriage, a "
                    "pregnancy loss, a move, a diagnosis or a family rift can all bring real "
                    "grief. Your loss does not need to be “big enough” to count.</p>"
                    "<h2>When grief comes back</h2>"
                    "<h3>Anniversaries and ordinary days</h3>"
                    "<p>Birthdays, holidays and the date of a death can bring grief rushing back, "
                    "even years later. So can small moments, like reaching for the phone to call "
                    "someone who is gone. This does not mean you are going backwards. It means the "
                    "bond still matters.</p>"
                    "<h3>Grief that changes shape</h3>"
                    "<p>Many people find that grief does not shrink so much as their life slowly "
                    "grows around it. The loss stays, but there is gradually more room for other "
                    "things too. Joy and sorrow can sit side by side.</p>"
                ),
            ),
            (
                "callout",
                {
                    "heading": "A gentle idea",
                    "text": (
                        "<p>If a hard date is coming up, plan for it a little. You might light a "
                        "candle, visit a meaningful place or tell a friend the day may be rough. "
                        "Giving the day some shape can make it feel less like an ambush.</p>"
                    ),
                },
            ),
            (
                "text",
                (
                    "<h2>When to reach out for support</h2>"
                    "<p>You do not need therapy to grieve. Many people lean on friends, family, "
                    "faith or community. Still, talking with a therapist may help if:</p>"
                    "<ul><li>you feel stuck, and the pain has not eased at all over a long "
                    "time</li>"
                    "<li>you can’t talk about the loss with the people around you</li>"
                    "<li>the loss was sudden, violent or complicated</li>"
                    "<li>grief is making it hard to work, sleep or care for yourself</li></ul>"
                    "<p>If at any point you feel unsafe or in crisis, please contact your local "
                    "emergency services or a crisis line right away. You deserve support now, not "
                    "later.</p>"
                    "<h2>Grieving at your own pace</h2>"
                    "<p>At Linden Tree Counselling, we don’t try to hurry grief along. We offer a "
                    "steady place to remember, to feel what you feel and to find ways to carry the "
                    "loss. If that sounds helpful, you are welcome to book a free 15-minute "
                    "consultation. We can talk about what you are going through and whether "
                    "working together feels right. There is no pressure, and no timeline.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "right-therapist-fit",
        "title": "How to tell whether a therapist is the right fit for you",
        "summary": (
            "The bond with your therapist matters. Here are signs of a good fit, questions worth "
            "asking and what to do if something doesn’t feel right."
        ),
        "author": "sam-whitfield",
        "date": "2026-08-27",
        "categories": ["Starting therapy", "Relationships"],
        "tags": ["finding a therapist", "first session", "what to expect"],
        "body": [
            (
                "text",
                (
                    "<p>Finding a therapist can feel a bit like dating. You read profiles, you "
                    "wonder who will “get” you, and you hope the first meeting isn’t awkward. It "
                    "is normal to feel unsure, especially if you have never done this before.</p>"
                    "<p>Research keeps finding that the relationship between client and therapist "
                    "is one of the most important parts of helpful therapy. So it is worth paying "
                    "attention to fit. Here are some ways to tell whether someone might be right "
                    "for you.</p>"
                    "<h2>Signs a therapist may be a good fit</h2>"
                    "<p>There is no perfect therapist. But in the first few sessions, you might "
                    "notice some of these:</p>"
                    "<ul><li>you feel listened to, not rushed or judged</li>"
                    "<li>they explain how they work in words you understand</li>"
                    "<li>they respect your pace and check in about how things are going</li>"
                    "<li>they are curious about your culture, identity and values</li>"
                    "<li>you feel a bit more hopeful, or a bit less alone, after sessions</li></ul>"
                    "<p>You do not need to feel comfortable right away. Therapy can be hard, and "
                    "some discomfort is part of growing. The real question is whether you feel "
                    "safe enough to keep going.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "Is it me, or is this just not working?",
                    "attribution": "",
                },
            ),
            (
                "text",
                (
                    "<h2>Questions worth asking</h2>"
                    "<p>It is completely okay to interview a possible therapist. Good therapists "
                    "welcome questions. You might ask:</p>"
                    "<ol><li>What kinds of concerns do you often work with?</li>"
                    "<li>What does a typical session with you look like?</li>"
                    "<li>How will we know if therapy is helping?</li>"
                    "<li>Have you worked with people who share my background or identity?</li>"
                    "<li>What happens if I feel something isn’t working?</li></ol>"
                    "<p>Notice both the answers and how you feel while you hear them. Your gut "
                    "reaction is useful information.</p>"
                ),
            ),
            (
                "callout",
                {
                    "heading": "A note on practical fit",
                    "text": (
                        "<p>Fit is not only about personality. Cost, location, session times and "
                        "online options matter too. A therapist you like but can’t afford or reach "
                        "will be hard to stick with. It’s fine to weigh these things.</p>"
                    ),
                },
            ),
            (
                "text",
                (
                    "<h2>When it might not be the right match</h2>"
                    "<p>Sometimes a therapist is skilled and kind, and it still doesn’t click. "
                    "That is nobody’s fault. Other times, there are clearer warning signs. It may "
                    "be worth rethinking the match if a therapist:</p>"
                    "<ul><li>often talks about themselves more than about you</li>"
                    "<li>dismisses or mocks your identity, beliefs or experiences</li>"
                    "<li>pushes you to share more than you are ready to</li>"
                    "<li>gets defensive when you give feedback</li></ul>"
                    "<h3>You can say something</h3>"
                    "<p>If something feels off, you can bring it up. Saying “I’m not sure this is "
                    "working” can feel scary, but it often leads to a useful talk. A good "
                    "therapist will take it seriously. They may change their approach, or help you "
                    "find someone better suited.</p>"
                    "<h2>Finding your fit with us</h2>"
                    "<p>At Linden Tree Counselling, each of our three clinicians brings a "
                    "different style. Dr. Maya Okafor is a clinical psychologist. Sam Whitfield is "
                    "a licensed professional counselor. Daniel Reyes is a licensed marriage and "
                    "family therapist. We are happy to help you think about who might suit you "
                    "best.</p>"
                    "<p>A free 15-minute consultation is a simple way to start. You can ask your "
                    "questions, get a feel for how we work and decide in your own time. There is "
                    "no obligation to book anything further.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "anxiety-at-night",
        "title": "Anxiety at night: why worries get louder after dark (and a few things that help)",
        "summary": (
            "Lying awake with racing thoughts? Here is why worries often feel bigger at night, "
            "plus a few gentle things that can help you settle."
        ),
        "author": "maya-okafor",
        "date": "2026-09-17",
        "categories": ["Anxiety"],
        "tags": ["anxiety", "sleep", "coping skills"],
        "body": [
            (
                "text",
                (
                    "<p>It is late. The house is quiet. You felt tired an hour ago, but now your "
                    "mind is wide awake. It is replaying a talk from work, or listing everything "
                    "that could go wrong tomorrow.</p>"
                    "<p>If this happens to you, you are far from alone. Many people find that "
                    "worries grow louder at night. If you are reading this in the dark right now, "
                    "take one slow breath. Let’s look at why this happens, and a few gentle things "
                    "that might help.</p>"
                    "<h2>Why worries feel bigger after dark</h2>"
                    "<h3>There are fewer distractions</h3>"
                    "<p>During the day your attention is pulled in many directions, because work, "
                    "errands, people and screens keep your mind busy, but at night those "
                    "distractions fade and the thoughts you pushed aside all day finally have room "
                    "to speak.</p>"
                    "<h3>A tired brain sees more danger</h3>"
                    "<p>When you are tired, the parts of the brain that help keep things in "
                    "proportion don’t work as well. Problems can seem larger, and answers harder "
                    "to find. Something that feels huge at two in the morning often looks more "
                    "manageable after breakfast.</p>"
                    "<h3>You can’t act on it yet</h3>"
                    "<p>At night, there is usually nothing you can do about the worry. You can’t "
                    "send the email or make the call. That stuck feeling can send anxiety around "
                    "and around in a loop.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "Why can’t I just switch my brain off?",
                    "attribution": "a thought many people have at 2 a.m.",
                },
            ),
            (
                "text",
                (
                    "<h2>What can help in the moment</h2>"
                    "<p>There is no perfect trick, but these ideas help many people:</p>"
                    "<ul><li><strong>Write it down.</strong> Keep a notebook by the bed. Jot down "
                    "the worry and one small next step, then close the book. It will still be "
                    "there in the morning.</li>"
                    "<li><strong>Slow your breathing.</strong> Breathe in gently, then breathe out "
                    "a little longer. A longer breath out can help your body settle.</li>"
                    "<li><strong>Get up for a while.</strong> If you have been awake a long time, "
                    "go to another room with dim light. Do something calm, and go back to bed when "
                    "you feel sleepy.</li>"
                    "<li><strong>Give your mind a gentle job.</strong> Picture a familiar walk in "
                    "detail, or name an animal for each letter of the alphabet.</li></ul>"
                    "<p>If you do pick up your phone, turn the brightness right down. Try to skip "
                    "the news and your messages, which can wake the mind up again.</p>"
                ),
            ),
            (
                "callout",
                {
                    "heading": "Try a “worry window”",
                    "text": (
                        "<p>Set aside 15 minutes in the early evening to think about your worries "
                        "on purpose. Write them down, along with anything you can do about them. "
                        "If they come back at night, remind yourself, “I have a time for this "
                        "tomorrow.”</p>"
                    ),
                },
            ),
            (
                "text",
                (
                    "<h2>Small habits during the day</h2>"
                    "<p>What happens in the daytime can shape your nights. A few things that often "
                    "help:</p>"
                    "<ol><li>getting some daylight, ideally in the morning</li>"
                    "<li>cutting back on caffeine after midday</li>"
                    "<li>waking up at about the same time, even on weekends</li>"
                    "<li>giving yourself some wind-down time before bed, away from work</li></ol>"
                    "<p>These are not rules, and you don’t have to do them perfectly. Even one "
                    "small change can make a difference over time.</p>"
                    "<h2>When night-time worry needs more support</h2>"
                    "<p>If worries keep you up most nights, or spill into your days, it may be "
                    "time to talk to someone. Therapy can help you understand what feeds the "
                    "worry. It can also help you learn skills that make nights feel less lonely. "
                    "Some approaches, such as cognitive behavioural therapy for insomnia, are "
                    "designed just for sleep trouble.</p>"
                    "<p>If you are in crisis or feel unsafe tonight, please contact your local "
                    "emergency services or a crisis line. You don’t have to wait until morning to "
                    "reach out.</p>"
                    "<h2>We’re here when you’re ready</h2>"
                    "<p>At Linden Tree Counselling, we often help people whose worries get loud at "
                    "night. Would you like to talk about what has been keeping you up? You can "
                    "book a free 15-minute consultation at a time that suits you. It’s a gentle "
                    "first step, with no pressure to continue. For now, be kind to yourself. Rest "
                    "still counts, even when sleep is slow to come.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "family-boundaries",
        "title": "Setting boundaries with family without burning bridges",
        "summary": (
            "Boundaries don’t have to mean walls. Learn what a healthy limit looks like, why it "
            "feels so hard with family and how to set one with care."
        ),
        "author": "daniel-reyes",
        "date": "2026-10-08",
        "categories": ["Relationships"],
        "tags": ["boundaries", "family", "self-compassion"],
        "body": [
            (
                "text",
                (
                    "<p>Family can bring deep love and deep stress, sometimes in the same "
                    "afternoon. Maybe a parent comments on your weight at every visit. Maybe a "
                    "sibling only calls when they need money. Maybe the holidays leave you drained "
                    "for days.</p>"
                    "<p>Setting boundaries can sound harsh, like building a wall. But a healthy "
                    "boundary is more like a garden gate. It lets you decide what comes in and "
                    "what stays out. That way, you can stay connected without losing yourself.</p>"
                    "<h2>What a boundary is, and what it isn’t</h2>"
                    "<p>A boundary is a limit on what you will accept, or what you will do. It is "
                    "about your own actions, not about controlling someone else. For example:</p>"
                    "<ul><li>“I’m happy to talk, but I’ll end the call if we start discussing my "
                    "divorce.”</li>"
                    "<li>“We’ll come for dinner, and we’ll head home by eight.”</li>"
                    "<li>“I’m not able to lend money right now.”</li></ul>"
                    "<p>A boundary is not a punishment or a threat. It is not a way to force "
                    "someone to change. It is a way to look after yourself while still caring "
                    "about them.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "If I say no, will they stop loving me?",
                    "attribution": "",
                },
            ),
            (
                "text",
                (
                    "<h2>Why it feels so hard with family</h2>"
                    "<p>Many of us learned our family roles early. You might have been the "
                    "peacemaker, the helper or the one who never caused trouble. When you start to "
                    "step out of that role, others may push back. That can feel like proof you did "
                    "something wrong, even when you didn’t.</p>"
                    "<p>Guilt is common too. Feeling guilty doesn’t always mean you are doing "
                    "something bad. Sometimes it just means you are doing something new.</p>"
                    "<h2>How to set a boundary with care</h2>"
                    "<p>No script works for every family, but these steps can help:</p>"
                    "<ol><li><strong>Get clear with yourself first.</strong> What exactly is the "
                    "problem, and what do you need instead?</li>"
                    "<li><strong>Keep it short and kind.</strong> Long explanations can invite "
                    "debate. One or two calm sentences are often enough.</li>"
                    "<li><strong>Speak about yourself.</strong> Try “I need to leave when the "
                    "shouting starts,” rather than “You always ruin everything.”</li>"
                    "<li><strong>Expect some pushback.</strong> People may test a new limit. That "
                    "doesn’t mean you failed.</li>"
                    "<li><strong>Follow through gently.</strong> If you said you would leave, then "
                    "leave, calmly and without a scene.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "heading": "Start small",
                    "text": (
                        "<p>If setting limits feels scary, begin with something minor. Turn down a "
                        "small request, or end a phone call at the time you planned. Each small "
                        "boundary builds confidence for the bigger ones.</p>"
                    ),
                },
            ),
            (
                "text",
                (
                    "<h2>Keeping the bridge standing</h2>"
                    "<p>Boundaries are often what make it possible to stay close. When you are not "
                    "quietly resentful, you can show up with more warmth. You might still visit, "
                    "share meals and laugh together. You are simply doing it in a way you can "
                    "sustain.</p>"
                    "<p>Some relationships need more distance than others, and that is your choice "
                    "to make. Where there is abuse, stronger protection may be needed. A therapist "
                    "can help you think through what feels safe for you.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "I want to stay close. I just can’t keep doing it this way.",
                    "attribution": "a feeling many clients share",
                },
            ),
            (
                "text",
                (
                    "<h2>Support for the in-between</h2>"
                    "<p>At Linden Tree Counselling, we often help people sort through tangled "
                    "family patterns. Sometimes we meet with one person. Sometimes family members "
                    "join a session. Either way, the aim is to help you find words and limits that "
                    "fit your values.</p>"
                    "<p>If you’d like some support, we offer a free 15-minute consultation. You "
                    "can share a little about your situation and ask how we might help. There is "
                    "no pressure to go further than feels right.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "confidentiality-explained",
        "title": "What happens to what you say in therapy: confidentiality explained simply",
        "summary": (
            "Wondering who can find out what you share in therapy? A plain-language overview of "
            "confidentiality, your choices and its limits. General information, not legal advice."
        ),
        "author": "daniel-reyes",
        "date": "2026-11-12",
        "categories": ["Starting therapy"],
        "tags": ["privacy", "what to expect", "first session"],
        "body": [
            (
                "text",
                (
                    "<p>Before you open up to a therapist, it is natural to wonder where your "
                    "words will go. Will anyone else find out? Will it end up in a file somewhere? "
                    "Could it ever be used against you?</p>"
                    "<p>These are good questions, and you deserve clear answers. This article is a "
                    "simple overview of how confidentiality usually works in therapy. It is "
                    "general information, not legal advice. The exact rules depend on where you "
                    "live and the kind of professional you see.</p>"
                    "<h2>The basic promise</h2>"
                    "<p>Confidentiality means that what you share in therapy generally stays "
                    "between you and your therapist. Therapists have professional and legal duties "
                    "to protect your privacy. In most cases, they will not even say that you are a "
                    "client unless you give permission.</p>"
                    "<p>That includes your employer, your friends and your family. If you are an "
                    "adult, your therapist will not call your parents or partner to report on your "
                    "sessions.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "What if I say something and it gets out?",
                    "attribution": "",
                },
            ),
            (
                "text",
                (
                    "<h2>When you choose to share</h2>"
                    "<p>Sometimes it helps for your therapist to talk with someone else, like your "
                    "doctor. This usually happens only with your written consent. You can often "
                    "decide:</p>"
                    "<ul><li>who your therapist may speak with</li>"
                    "<li>what kind of information may be shared</li>"
                    "<li>how long your permission lasts</li></ul>"
                    "<p>In most cases, you can change your mind later. If an insurer pays for your "
                    "sessions, they may need some basic details, such as dates and a diagnosis. "
                    "Your therapist can tell you what that involves.</p>"
                    "<h2>The limits of confidentiality</h2>"
                    "<p>Confidentiality is strong, but it is <em>not</em> absolute. In a few "
                    "situations, a therapist may need to share information, even without your "
                    "consent. These often include:</p>"
                    "<ul><li>when there is a serious risk that you may harm yourself or someone "
                    "else</li>"
                    "<li>when a child, or sometimes a vulnerable adult, may be at risk of abuse or "
                    "neglect</li>"
                    "<li>when a court orders records to be released</li></ul>"
                    "<p>Even then, therapists usually share only what is needed to keep people "
                    "safe. Where they can, they will talk with you about it first.</p>"
                ),
            ),
            (
                "callout",
                {
                    "heading": "You will hear this at the start",
                    "text": (
                        "<p>Your clinician will explain the limits of confidentiality in your "
                        "first session, before you share anything personal. You will often get "
                        "them in writing too. Please ask about anything that is unclear. No "
                        "question is too small.</p>"
                    ),
                },
            ),
            (
                "text",
                (
                    "<h2>A few special situations</h2>"
                    "<h3>Couples and family therapy</h3>"
                    "<p>When more than one person is in the room, privacy works a bit differently. "
                    "Your therapist will explain how they handle something one person shares "
                    "privately. Some therapists keep no secrets between partners. Others decide "
                    "case by case.</p>"
                    "<h3>Young people</h3>"
                    "<p>For children and teens, parents or guardians may have some right to "
                    "information. Many therapists agree on a plan with everyone at the start, so "
                    "young people can still feel safe to talk.</p>"
                    "<h3>Online sessions</h3>"
                    "<p>Many therapists use secure video platforms for online sessions. On your "
                    "side, a private space and your own device can help protect your privacy "
                    "too.</p>"
                    "<h2>Your privacy matters to us</h2>"
                    "<p>At Linden Tree Counselling, protecting your privacy is part of how we care "
                    "for you. We explain how confidentiality works in plain words at the start, "
                    "and we are glad to answer questions along the way. If you’re thinking about "
                    "therapy, you can book a free 15-minute consultation. It’s a calm, no-pressure "
                    "chance to ask anything, including how your information is kept safe.</p>"
                ),
            ),
        ],
    },
]
