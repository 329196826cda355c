"""Tests of the liaison-message rules: per-rule examples, traps, properties, dev-set quality."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.rules import Category, Intent, Phase, evaluate_liaison_message

# A copy of the product owner's labelled set (shared/data/liaison_messages_dev.jsonl), kept in
# the repository so a fresh clone tests the same thing as CI.
DEV_SET = Path(__file__).resolve().parents[1] / "data" / "liaison_messages_dev.jsonl"


def _load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


DEV = _load(DEV_SET)
DEV_ADVICE = [row["text"] for row in DEV if row["label"] == "advice"]
DEV_NEUTRAL = [row["text"] for row in DEV if row["label"] == "neutral"]

TRAPS = [
    "You should have received your stipend",
    "Should we move the meeting?",
    "Tap submit again if it failed",
    "Try again to submit, the server was down this morning.",
    "Don't forget the survey is due Friday!",
    "Sorry, I can't give advice on that...",
    "Send me the photo of the receipt please",
    "Update the app before you submit",
    "Come to the meeting at 6",
    "You need to log in again after the update.",
    "You should see a green check when it goes through.",
    "How did you decide to start the bakery?",
    "What are you planning for the business next month?",
    "¿Cómo les fue con la tanda?",
    "Debería haberle llegado el estipendio ayer.",
    "No se le olvide que la encuesta vence el viernes.",
    "Intente enviar otra vez, el sistema estaba caído.",
    # advice-like words that report, ask or help with the app (held-out rounds 2 and 3)
    "You mentioned you want to pay off the card — how is that going?",
    "Did anyone advise you to take the loan, or was it your own idea?",
    "¿Alguien les aconsejó tomar ese préstamo o fue idea suya?",
    "They said prices are going up at the market, how did that affect your sales?",
    "Prices went up so we moved the meeting to the church hall.",
    "You might want to know that the app will be down Sunday night.",
    "Should I call you or text you about the survey?",
    # a noun that is also a verb opens a statement, not a command
    "Rent went up again for a lot of families, thanks for telling us.",
    "School fees are due next week, is that right in your survey?",
    "Hope the kids are well and the shop is busy!",
    "Love the photos of the new stall.",
    # held-out rounds 4 to 6
    "Sorry, the app glitch was on our end. Nothing you need to do.",
    "Perdón, el error fue del sistema, usted no tiene que hacer nada.",
    "Pls tell Mr. Kargbo the survey tablet will come with me on Wednesday.",
    "¿Usted cree que la reunión debería ser más temprano? Díganos qué le conviene.",
    "Don't reply to this number, it's automated. Use the liaison line instead.",
    "Sir, the group meeting is preponed to Monday 11 AM due to holiday. Kindly note.",
    "I heard prices went up at the market, is that why sales dropped in your survey?",
    "Ya se pagó el apoyo de marzo, revise su cuenta.",
    "Update from Guatemala: the meeting moved to Saturday.",
    # held-out rounds 9 to 11: data entry, app steps and sympathy that use life words
    "Please check the amount you entered for rent, it says 12000.",
    "Save it in the app before you send.",
    "Hope your son feels better soon, no rush on the survey.",
    "Your story is waiting because the consent box was not ticked. Kindly tick it and resubmit.",
    "Stop by the community center Saturday between 10 and 2 to pick up your stipend card.",
    "Be sure to include tips in the income section.",
    "Come at 10 instead of 9 on Thursday, the church hall opens late.",
    "Cierre sesión y vuelva a entrar, con eso se arregla.",
    "¿Cómo deciden en casa cuando hay que gastar en algo grande?",
    "Guarde la foto del recibo antes de mandar la encuesta.",
    "Please accept my heartfelt condolences. The survey can wait.",
    "For the housing section, what date is on the notice? Only share what you're comfortable with.",
    "Congratulations on the baby! Send the name and birthday so I add her to the household.",
    "I will visit on Thursday between 11 and 1. Kindly inform if this time is not convenient.",
    "Did anyone advise you to take the loan, or was it your own idea?",
    "Thanks for the honest answers about the debt, that helps us a lot.",
    "I'll swing by the farm Thursday around 2 for the visit if that works.",
    "Should the $300 tax refund go under income or under gifts?",
    "You wrote that you should have paid the water bill sooner. Is the $120 the late fee?",
    "So sorry about your grandmother. Take whatever time you need; the survey can wait.",
    "Is the $300 from your sister a gift or a loan you'll pay back?",
    "wait so the $200 was from ur church or ur sister?",
    "Photo of the ration card is not uploading? Kindly reduce the size or try again on wifi.",
    "The stipend should've hit your card by Tuesday. If it didn't, text me.",
    "did u get the $40? shud be in ur acct by now",
    "Ji, please mention who helped you with the wedding expenses, relative or friend?",
    "bring ur id to the meeting",
    "Please check the loan amount you have entered; is it correct or extra zeroes?",
    "k so the $200 from ur cuz, loan or gift?",
    "when u retake it make sure the total n the store name r in the shot",
    "hey hope ur feelin better!!",
    "rent says $0 this month, is that right or did u skip it by accident?",
    "Is the tailoring income shared with your sister? Need to mark it correctly.",
    "Just checking, did the car repair ($640) come out of savings or go on a card?",
    "When you upload the pay stub, make sure the date and employer name are visible.",
    "update the app then log back in, shld fix it",
    'To add photo: tap on the "+" sign, select Gallery, choose the bill, then press Save.',
    "Please the survey is due on the 10th. If you need more days just tell me.",
    "Make sure the picture of the fees receipt shows the school's name, so it can be verified.",
    "Please check the amount entered for school fees; I think one zero is extra.",
    "did u get the $50? shud hav hit ur cashapp yday",
    "stipend is late this mo, sorry!! shud go out tues",
    # generalized after held-out round 20 (heldout21 and heldout22)
    "Hello sir, the November survey is still pending. Kindly complete it when you are free.",
    "The group meeting is in Ewe and English this time. Please tell the others in your group.",
    "For the wages question, please put the amount in cedis, not in hours.",
    "Meeting is Saturday at the community hall. Come with your member card.",
    "There is a new question on childcare in the survey. It's optional, skip it if it doesn't"
    " apply.",
    "In the app you have to choose 'Business income', not 'Salary', for the trading money.",
    "En la app el botón de enviar está hasta abajo, hay que bajar para verlo.",
    # the meeting or the form field must be in the same sentence: a sentence added before or
    # after must never turn a command about life into app help (see the padding tests)
    "Reunión el jueves a las 5 en el salón comunal, pueden venir con sus hijos.",
    # generalized after held-out round 21 (heldout23 to heldout30)
    "thx 4 bein patient w the stipend delay, shud be fixed nxt wk",
    "The survey now has a question about remittances. If you send money home, just put the"
    " monthly amount.",
    "To add the loan from your aunt, go to Debts > Add new and pick 'Family/friend' as the lender.",
    "La pregunta de 'deudas' se refiere a toda la plata que debe: al banco, a la tienda, a"
    " familiares.",
    "Para anotar la tanda, entre a Ahorros > Agregar, escoja 'Grupo de ahorro' y ponga lo que"
    " aportó.",
    "Puede saltarse la sección de negocio si no tiene negocio, es opcional.",
    "Did the school fees go up this term, or are they the same as January?",
    "What did the doctor say about your knee?",
    "Thank you so much for the detailed story, it really helps.",
    "Le acompaño en su dolor. Cuente conmigo para lo que necesite del programa.",
    "Tómese su tiempo con la parte de la escuela, este mes trae más preguntas.",
    "cierra la app y vuelve a entrar, ya deberia jalar",
    # generalized after held-out round 22 (heldout31 and heldout32)
    "If I were you I'd screenshot the confirmation page, the app sometimes loses it.",
    "Tiene que llenar la sección de salud también, si no, no deja enviar.",
    "Cuando la app te pida la clave, pon la misma de siempre.",
    "Bhai sahab, the photo of the slip is not clear. Kindly send again in daylight.",
    "Tiene que poner los montos en quetzales, no en dólares. ¿Me la corrige?",
    # generalized after held-out round 23 (heldout33 and heldout34)
    "no worries if ur late this month, just get it in when u can",
    "Please, when you take the photo of the susu card, make sure all the stamps are showing.",
    "You don't have to answer the health questions if you don't want to; just skip them.",
    "Sure was good seein' y'all at the potluck. Tell Darrell I said hey.",
    "The stipend went to your mobile money yesterday. You should have it by now.",
    "You should receive the K150 stipend on Airtel money by Wednesday.",
    "I reckon the app froze. Close it all the way out and open it back up.",
    "Debe haberte llegado un correo con el enlace. Si no lo ves, busca en spam.",
    "¿Me las puede mandar otra vez con más luz? Que se vea el letrero.",
    "¿Qué tal te está yendo con la venta de tequeños?",
    # generalized after held-out round 24 (heldout35 and heldout36)
    "Buenas tardes. Ya debería tener el estipendio en su tarjeta. Si no le aparece, me avisa.",
    "Buenos días, ¿cómo amaneció la familia? Hace rato que no sabíamos de ustedes.",
    "Madam, kindly share the bill photo for the hospital expense, for verification only.",
    "How did Pooja's exams go? She must be relieved.",
    "pls dbl chk the # of ppl in ur house on svy, it says 11 lol",
    "Meeting Saturday at the community center, 10am. Bring your own chair if you can.",
    "The group meeting is at the library Saturday at 11. Bring the little ones if you need to.",
    # generalized after held-out round 25 (heldout39 to heldout42)
    "Y'all have a blessed Thanksgiving. Tell your mamaw I said hey",
    "Happy New Year! have fun at the temple",
    "The network was bad today, that's why the app was failing. Try again later, it should work.",
    "In survey you put rent $1,150 but last month $1,050. Rent go up or typo?",
    "Please send the voice note again, it cut off after 10 seconds.",
    "Sorry about your mother's passing. Please extend our condolences to the family.",
    "just confirming the survey came in today and the stipend should hit your card by Friday",
    "The survey asks 'Have you considered starting a business?', just answer yes or no.",
    "La encuesta pregunta '¿Ha pensado en abrir un negocio?', conteste sí o no nomás.",
    "¿Qué tal la lluvia por allá en la colonia? Ojalá no se les haya metido el agua.",
    # generalized after held-out round 26 (heldout43 to heldout46)
    "Stipend for March went out yesterday, $40. Should be on your card by Friday.",
    "Please put the rent under housing, not under debt, otherwise the app counts it twice.",
    "App showing error? Try logging out and logging in, it should work then",
    "Photo of electricity bill is not clear, please take once again.",
    "Yu for don get di NLe 200 yesterday. If e no reach, tell me.",
    "Wow, first harvest from the greenhouse! Congratulations to the whole family.",
    "Le recomiendo tomar la foto del recibo con luz de día, la que mandó salió borrosa.",
    # generalized after held-out round 27 (heldout47 to heldout50)
    "Usted ya debería tener la plata del estipendio en Nequi, me cuenta si no.",
    "¿Ya te llegó el mensaje con el link de la encuesta? Si no, decime y te lo vuelvo a mandar.",
    "Stipend went out today. Should show up in 1-2 days on the card.",
    "Doña Gladys, gracias por contarnos lo de los niños. ¿En qué grado va cada uno ahora?",
    # generalized after held-out round 28 (heldout51 to heldout54)
    "Rosa, your photo of the receipt came out blurry, can you retake it? Need to see the total.",
    "Para subir las fotos tiene que darle permiso a la aplicación. Le mando el paso a paso.",
    "Uy, qué pena lo del aguacero. ¿Están todos bien?",
    # generalized after held-out round 29 (heldout55 to heldout58)
    "Me preguntaste qué haría yo con lo del auto, pero eso lo decidís vos, no puedo aconsejarte.",
    "Y'all meeting will be at the town hall Thursday, not Friday. Pass the word.",
    "If you want to change what you wrote about the loan, just edit it and hit save again.",
    "Stipend went out this morning, should hit your card by Thursday.",
    "Compa, la foto de la factura está cortada abajo, no se ve el total. Tómela otra vez porfa.",
    "u should see $40 on ur card by 2day",
    # generalized after held-out round 30 (heldout59 to heldout62): group news is not a
    # report of a practice (phase I allows it), nor is the family's own story on the feed
    "Felicidades a la familia Hernández por su nieto, nació el martes 🎉",
    "Congratulations to Baba Seun's family, their daughter got admission to FUTA!",
    "La reunión es el martes en la casa de la señora Nelly, 4 pm",
    "Doña Lupita, su historia ya salió en el muro, le dieron muchos 'me gusta'.",
    "Akka, your story is on the feed now, 12 people liked already 👍",
    "Should we move Tuesday's meeting to the VFW hall? The church has a funeral that day.",
    "Ya debería tener depositado el apoyo de este mes. Si no le aparece, me avisa.",
    "Meetin's at the library Tuesday at 5. Bring the kids if you need to, there'll be snacks.",
    # generalized after held-out round 31 (heldout63 to heldout66): new members and what a
    # survey question asks about are not reports either
    "Le damos la bienvenida a la familia Ramírez, que se une al grupo de Chayo.",
    "We have two new households joining from Tanke, Mama Aisha invited them.",
    "Ma, the survey ask about money you give to other people. ₦5,000 to your sister, gift or loan?",
    "Doña Mercedes, la pregunta 8 se refiere a la plata que usted le dio a otras familias.",
    "¿La app no te deja subir la foto? Probá cerrarla y volver a abrirla, a veces se traba",
    "Don Ramiro, la encuesta está en borrador. Tiene que picarle a 'Enviar' hasta abajo.",
    # generalized after held-out round 31 scored (heldout67 to heldout70): who joins, how big
    # the group is, who hosts or was invited, who asked, births, people counted in the reader's
    # own home and the reader's own story are group news, which phase I allows
    "Welcome to the two new families from Ashland! That makes 9 households now.",
    "The Boateng family from Kumasi joined y'all group today.",
    "Se unieron al grupo dos familias de San Marcos.",
    "Entró una familia nueva al grupo, los Paredes.",
    "Your group is at 9 of 10 families, one spot left.",
    "Su grupo ya tiene 8 familias.",
    "The survey says 5 people live in the house, last month 4. Did someone move in?",
    "La encuesta dice 3 personas trabajando y la historia dice 2. ¿Cuál es?",
    "The Osei family is hosting the meeting Friday at their place, 6pm.",
    "Should we meet on Sunday instead? A few folks asked.",
    "La reunión es el jueves en el salón comunal. La familia Chávez ya confirmó.",
    "Los Pérez invitaron a todo el grupo al bautizo de su nieta, el sábado.",
    "Auntie Grace's family has a new baby girl. The naming is Saturday, everyone is invited.",
    "Your plantain chips story is on the feed now, people are commenting!",
    "Su historia de las empanadas ya está en el muro.",
    "¿Podemos publicar su historia de la panadería en el muro? Solo si usted quiere.",
    # a liaison who says they cannot advise is not overruled by the advice model (round 32)
    "Ms. Tanya I know you asked what I'd do about the car, but that's your call.",
    "Me preguntaste si conviene el crédito. No te puedo aconsejar sobre eso, es decisión tuya.",
    "I can't give advice on the loan, that's your decision. Survey is due Friday.",
    # generalized after held-out round 32 scored (heldout71 to heldout74): births, members
    # added, a house offered for the meeting, a baptism, the family's own words repeated back,
    # what the survey asks, "vaya pues"
    "The Owusu family had a baby girl on Friday, mother and baby are well.",
    "Los Ramos tuvieron mellizos el lunes, todos bien.",
    "The Kamara family has been added to our group, they stay on Camp Johnson road.",
    "Bienvenidos a los Quispe de Sicuani, ya están en el grupo.",
    "The Patel family has offered their house for the meeting on the 20th. 5pm.",
    "Los Herrera ofrecieron su casa para la reunión de enero. ¿Les parece?",
    "La familia Méndez bautizó al niño el sábado. Estuvo bonita la fiesta.",
    "You said you should have planted earlier. Shall I keep that line in your story?",
    "La encuesta pregunta si ha pensado en mudarse. Puede responder lo que quiera.",
    "No estoy autorizada a dar consejos, pero anoto lo que ustedes decidan.",
    "I won't comment on the loan, I just need the amount for the survey.",
    "Vaya pues, la reunión es mañana en casa de doña Tina, a las 5.",
    # generalized after held-out round 33 scored (heldout75 to heldout78): why a meeting moves,
    # weddings and grandchildren, survey questions quoted with their number or page and how to
    # answer them, retrying the app, refusals to advise, idioms ("you'd better believe")
    "Should we move the Tuesday meeting to Friday? A few folks work late Tuesday.",
    "¿Pasamos la reunión al domingo? Varias señoras trabajan los sábados.",
    "Group news: the Boakye family's son got married on Saturday. Congratulations!",
    "La familia Tun estrenó nieta. ¡Felicidades!",
    'Survey question 7 asks "Have you thought about moving?" Just answer yes or no.',
    'La pregunta 5 dice "¿Ha pensado en vender el terreno?". Responda sí o no.',
    'The question on page 2 reads "Do you save every week?" Pick yes or no, whichever is true.',
    "The form asks 'Did you try to borrow this month?' and you put maybe. Yes or no?",
    "The survey asks whether you considered a loan for the shop. Just tick yes or no.",
    "Probá otra vez cuando tengás señal, la foto no se subió.",
    "Si la app no abre, probá desinstalarla y volver a instalarla.",
    "Your stipend comes by mobile money Friday, not cash this time.",
    "You'd better believe I smiled at the chicken story 😂 Verified.",
    "Deberías tener un mensaje del banco con el depósito. ¿Te llegó?",
    "La encuesta puede esperar, no pierde el pago.",
    "¿La tanda que anotó es la que usted debe o la que le deben?",
    "No me toca a mí decirle qué hacer con la venta, eso lo decide usted.",
    "No me toca dar consejos, así que no le puedo decir si le conviene. Solo lo anoto.",
    "We don't give advice in this program. What happened this month?",
    "The potluck is at the Lee house Saturday. Drinks are covered, so bring whatever.",
    # generalized after held-out round 34 scored (heldout79 to heldout82): the group's size, who
    # paid the group's own costs, whose turn it is, why a meeting moves, the family's own request,
    # plan or note said back, refusals to say which is better, thanks after "just saying"
    "¡Bienvenidos los Paz al grupo! Ya somos 9 familias.",
    "Los Ortiz pagaron la cuota del salón, ya no se debe nada.",
    "Everybody paid for the trip bus except 3 families, I'll follow up with them.",
    "The Begay family paid the hall fee for all of us, so nobody owes anything.",
    "¿Movemos la reunión al sábado? Varias familias tienen misa el domingo.",
    "You asked to meet a family that keeps bees. I can't arrange that in this phase, sorry.",
    'Your note says "we will stop buying on credit." Plans or things already done?',
    "Sorry, I can't say which savings group is better to join, that's up to you.",
    "Remember the meeting is at the library this time, not the school.",
    # generalized after held-out round 35 scored (heldout83 to heldout86): app help that sounds
    # like advice, what a photo must show, a party, the group's size after a move
    "The app is asking for your new phone number. Please write it here.",
    "Warning: the app logs you out after 10 minutes, so save as you go.",
    "Ojo: la app te cierra la sesión a los 10 minutos, guardá el borrador.",
    "Ojo: la aplicación se cierra sola, vaya guardando.",
    "Si el enlace no abre, inténtelo más tarde, hoy la señal está mala.",
    "Debería poder ver ya la palomita verde en el mes de mayo.",
    "The photo of the receipt is blurry, can you retake it? The amount needs to be readable.",
    "Grandpa Joe turns 90 Saturday! Everybody's invited, bring a covered dish if you're coming.",
    "La familia Rojas se mudó a Lima, así que el grupo queda con ocho hogares.",
    # generalized after held-out round 36 scored (heldout87 to heldout90)
    "La señal anda fallando aquí en la sierra. Mande la encuesta en la tarde.",
    "Lo siento, no puedo darle consejos sobre eso, mi trabajo es revisar encuestas. Pero gracias.",
    "Your stipend should hit your card by Wednesday.",
    "Lamin, the transfer for your stipend was sent. You should see D1,500.",
    "You should have got the OTP by now. Please tell if not received.",
    "Tiene que entrar con su PIN nuevo, el anterior ya venció.",
    "La encuesta pregunta si buscaste trabajo este mes. Poné lo que pasó nomás.",
    "Someone from the office will call this week to verify your story. Just so you know.",
    "Púchica, qué bonita quedó la foto de la milpa. Ya la registré, gracias.",
    "The Mensah family is shifting house this week so their survey will be late.",
    "La familia Cutzal se pasó a vivir a Jocotenango, me pidieron avisarle al grupo.",
    "Did the MoMo for the stipend come? Some people said it was delayed.",
    "Doña Fanny, ¿quién cuida a los chavalos cuando usted va al mercado?",
    # generalized after held-out round 37 scored (heldout91 to heldout94)
    "The app update is out. If the survey screen is blank, please update from Play Store.",
    "Survey question 7 is about how many people sleep in the house. Count the children too.",
    "Your login code is 4471. Do not share it with anyone.",
    "En su historia dice que su comadre le aconsejó vender la vaca. ¿La vendió?",
    "El estipendio se envió ayer. Puede tardar dos días en el banco.",
    "Did you get the reminder text? Some people said it did not come.",
    # generalized after held-out rounds 38 and 39 scored (heldout95 to heldout102)
    "The Mwangis moved to Ruiru, so they'll be in the Ruiru group from next month.",
    "Stipends went out Friday; a few people on Cash App got it late.",
    "Your story about the goats is verified. It go show for the Kumasi group feed soon.",
    "Su grupo ya tiene 8 de 10 familias.",
    "Si sale 'sin conexión', espere unos minutos y vuelva a entrar.",
    "Buenas, habla Rosa del programa. Le escribo por la encuesta de marzo.",
    "La pregunta 'le prestaría dinero a un vecino' es solo para saber, no hay respuesta mala.",
    "El grupo de Tlaquepaque ya tiene dos integrantes nuevas este mes.",
    "En el grupo de doña Rosa hubo boda el sábado. ¡Felicidades a los novios!",
    "Le cuento que el grupo se puso de nombre 'Mujeres del Río'.",
    "Procure que en la foto se vea la fecha del recibo.",
    "Meeting moved to Thursday. Same place, near the water tower.",
    "No puedo darle consejos sobre el préstamo, pero ya quedó anotado en la encuesta.",
    "No hace falta que contestes lo de ingresos si no querés, es opcional.",
    # generalized after held-out round 39 scored (heldout103 to heldout106)
    "Revisé todo y solo hay una cosa: en gastos puso 3,200 de luz, pero el recibo dice 320.",
    "Might be worth double-checking the rent amount, it says 9,000 but last month was 900.",
    "Your sales come to 40,000 but the costs add up to 52,000. Is a number missing?",
    "La familia Soto de Uruapan pidió unirse al grupo. ¿Están todos de acuerdo?",
    "Revise que su nombre esté igual que en la cédula, si no el depósito rebota.",
    "Can we meet Sunday instead? Two of the dads work the night shift at the mill.",
    # generalized after held-out round 40 scored (heldout107 to heldout114)
    "u shud hv ur money by now, lmk if not",
    "u should b able 2 see the new chart now",
    "You don't need to answer the income part if you're unsure. Just leave it blank.",
    "Brother Kofi has left the group, he moved to Kumasi. We wish him well.",
    "The Tema group picked Auntie Efua as the new contact person.",
    "Thanks for posting your story! Five people already commented on it.",
    "The Bolga group voted to meet every first Saturday from now on.",
    "La familia Ochoa dejó el grupo porque se fueron a vivir a Mexicali.",
    "El grupo de Tonalá eligió a doña Rosa como coordinadora del mes.",
    "El grupo de La Paz ya completó sus 10 familias. ¡Felicidades!",
    "Se unió la familia Cruz al grupo, ya son nueve.",
    "La reunión se cambió al viernes en casa de la señora Lupe.",
    "¿Cambiamos la reunión a las 7? Varias señoras salen tarde del trabajo.",
    "Mi trabajo es verificar, no decirle qué hacer. Lo que decida con su terreno es cosa suya.",
    "Guelaguetza, tía. Ya vi su historia del mole en el muro, quedó preciosa.",
    "Mr. Okoro passed Sunday morning at home. The meeting moves to next week.",
    "Si cambió de número, póngalo en su perfil para que el pago le llegue bien.",
    "The survey asks 'days of school missed'. Please count only this month, not the whole term.",
    # generalized after the round 41 detector's two blind looks (heldout115 to heldout122):
    # who joins which group and where it meets, births, survey terms in quotes, the stipend
    # that should be there by now, children welcome at the meeting
    "Your group has all ten households signed up now 🎉",
    "Two families from Dodowa joined the Madina group, so we're ten now.",
    "The Kasoa group will meet under the big tree behind the clinic as usual.",
    "Our group reached 10 families, thank you for inviting your neighbors.",
    "Mama Abena delivered a baby boy last night, mother and child are fine.",
    "'Help given' means money or things you gave to other families.",
    "'Help received' means what other families gave you.",
    "Just so you know, I'm away next week; Ruth will check the surveys.",
    "Your stipend went out Monday. You should have it in your Cash App by now.",
    "Have you tried turning off battery saver? It blocks the upload.",
    "Ya son 9 familias en su grupo.",
    "¿Movemos la reunión al lunes? Varias familias lo pidieron.",
    "En la pregunta de 'ayuda dada' va lo que usted le dio a otras familias: plata o comida.",
    "Ya se mandó el apoyo, ya deberías tenerlo en tu cuenta.",
    "¿Lo que le prestó su hermana es regalo o hay que devolverlo? La encuesta lo pregunta.",
    "La reunión es el sábado. Pueden traer a los niños.",
    # round 43 (after heldout123 to heldout130): surveys left, a refusal then a confirmation
    "You should have two more surveys left this year.",
    "No puedo darle consejos, pero sí le confirmo que el pago sale el viernes.",
    # round 44 (after heldout131 to heldout138): where the meeting is, fields that must match,
    # papers to bring, the month in a dropdown, what a survey part may count
    "Xico: la junta será en la casa de doña Lupe, la familia semilla, el viernes a las 5.",
    "Fíjese que el apellido en la app tiene que ser igual al del INE.",
    "En la parte de 'ayuda a otras familias' pueden contar todo: prestar la bici, cuidar niños,"
    " regalar pan.",
    "Buenas noches. Junta el martes 7 pm en la cancha techada.",
    "Make sure you choose June and not July in the dropdown.",
    "Group meeting Sunday 4pm at the chief's compound. Bring the attendance book.",
    # round 45 (after heldout139 to heldout146): the app's buttons, a PIN the app asks for,
    # who hosts, a slow server, meeting photos on the feed, the group's size
    "Why not use the mic button for your story? It writes it down for you.",
    "The app will ask for your PIN after the update. It's the same PIN as before.",
    "Who can host the March meeting? Raise your hand 🙋",
    "Server is slow today. Wait a couple of hours and try again.",
    "Photos from Saturday's meeting are on the feed now.",
    "Have you thought about which day suits you for the visit?",
    "For 'income', include what the kids bring home too.",
    "Just so you know, the program is still in phase I.",
    "¿Ya vieron las fotos de la reunión del sábado en el muro?",
    "Su grupo ya va en 8 familias, quedan dos lugares.",
    "Pueden venir con los niños, va a haber pan dulce.",
    "Tenga cuidado, hay mensajes falsos que piden su PIN. Nosotros nunca se lo pedimos.",
    # round 46 (after heldout147 to heldout154): Spanish app help and group news
    "Su grupo de amigos ya tiene 9 familias; se unió la familia Pérez el lunes.",
    "Mire, yo no le puedo decir qué hacer con su dinero, eso lo decide usted. Pero cualquier duda"
    " del programa, aquí estoy.",
    "Pruebe cerrar sesión y volver a entrar, así se arregla casi siempre.",
    "Yo que usted borraba la app y la instalaba otra vez, se traba después de la actualización.",
    "Para ver cuánto le han pagado, toque el ícono de la cartera abajo y luego 'Historial'.",
    "Bienvenida, doña Chela. Ya quedó dada de alta en el grupo de los Ramírez.",
]

ADVICE_BY_RULE = [
    # generalized after held-out rounds 38 and 39 scored (heldout95 to heldout102)
    ("advice.referral", "Le puedo pasar el número de un señor que arregla papeles de la pensión."),
    ("advice.referral", "I know a lady who does braids cheap, should I send you her number?"),
    ("advice.imperative", "Doña Lupe, deles maíz quebrado a los pollitos, crecen más rápido."),
    ("advice.imperative", "Foto recibida. No mezcle la plata del puesto con la de la casa."),
    ("advice.peer_nudge", "Your survey shows $80 on lottery. Just something to think about."),
    ("advice.peer_nudge", "Even two dollars a week add up by Christmas!"),
    ("advice.peer_nudge", "Even ₦500 a week adds up, you know."),
    ("advice.peer_nudge", "You're saving $10 a week, imagine if it was $20!"),
    (
        "advice.norm_statement",
        "Grandma always said never lend what you can't lose, and she was right.",
    ),
    ("advice.norm_statement", "It would be a shame if he quit school over the bus fare."),
    ("advice.norm_statement", "When I was your age I put away ten dollars every payday."),
    ("advice.steering_question", "Is a new TV really the best use of the tax refund?"),
    (
        "advice.steering_question",
        "Are you sure you want to borrow again before the first loan is paid?",
    ),
    (
        "advice.norm_statement",
        "Me pasó lo mismo con la tarjeta y lo que hice fue pagarla de un jalón.",
    ),
    (
        "advice.norm_statement",
        "Ya quedó la encuesta. Lo que sigue sería abrir la cuenta en la cooperativa.",
    ),
    ("advice.norm_statement", "La fiesta puede ser sencilla, no hace falta pedir prestado."),
    # generalized after held-out round 40 scored (heldout107 to heldout114)
    ("advice.steering_question", "Survey noted. You no think say una fit join di farmers group?"),
    ("advice.softened_suggestion", "Nice photos! Next step should be a bigger oven for the shop."),
    ("advice.steering_question", "Rainy season is coming, good time to fix the roof of the shop."),
    ("advice.steering_question", "¿De verdad cree que es buen momento para sacar otro préstamo?"),
    ("advice.imperative", "pls dnt use the stipend on lotto again"),
    ("advice.second_person_modal", "You should weed early in the morning before it gets hot."),
    # generalized after held-out round 39 scored (heldout103 to heldout106)
    ("advice.second_person_modal", "You should start a VSLA with the other women in the village."),
    # round 42: the stipend "should be there by now" passes; these still direct
    ("advice.second_person_modal", "You should have it checked by a doctor before you sign."),
    ("advice.second_person_modal", "Deberías tener un fondo para emergencias, aunque sea poquito."),
    ("advice.softened_suggestion", "Pueden llevar a los niños al centro de salud a vacunarlos."),
    # round 43: the nudge after what others do
    (
        "advice.peer_nudge",
        "Half the group already saves a bit of the stipend. What's stopping you?",
    ),
    ("advice.peer_nudge", "La mitad del grupo ya ahorra algo del apoyo. ¿Qué esperas?"),
    # round 44: still commands about money and papers for a loan
    ("advice.imperative", "Junta el dinero de la tanda antes del viernes, no lo gastes."),
    ("advice.second_person_modal", "Usted tiene que ser más cuidadosa con el dinero del apoyo."),
    ("advice.imperative", "Bring your passbook to the bank and ask them for a loan."),
    # round 45: still direction about money, a bank card's PIN, a loan
    ("advice.imperative", "Never give your ATM card PIN to anybody, not even family."),
    ("advice.imperative", "Wait a few weeks before you sign the lease."),
    ("advice.steering_question", "Why not use the credit union instead of the lender?"),
    # round 46: "yo que usted" about the family's own life still directs
    ("advice.if_i_were_you", "Yo que usted vendería el terreno antes de que baje el precio."),
    ("advice.if_i_were_you", "Yo que usted no le prestaba a su cuñado otra vez."),
    ("advice.norm_statement", "Muy buena la encuesta. Ahora a ver si ya deja de comprar fiado 😉"),
    ("advice.norm_statement", "Todo cuadra. Nomás que 800 al mes en refrescos se me hace mucho."),
    ("advice.steering_question", "Is the private tutor really worth Rs 2000 a month?"),
    (
        "advice.steering_question",
        "All the others are saving in the susu, you don't want to be left behind.",
    ),
    ("advice.counselling", "Traiga los recibos de gas, quiero mostrarle cómo bajar el gasto."),
    ("advice.counselling", "Bring your bills Friday, I'll show you how to cut the light bill."),
    (
        "advice.norm_statement",
        "Cuando yo estaba así, pagué todo en efectivo. Se lo digo por experiencia.",
    ),
    (
        "advice.referral",
        "Ya hablé con la abogada del municipio por lo del terreno, ella le va a llamar mañana.",
    ),
    # round 38
    ("advice.referral", "I will link you with the woman who helped another family with a loan."),
    ("advice.referral", "Yo le puedo presentar a la señora de la cooperativa, ella le ayuda."),
    ("advice.norm_statement", "My grandma always said you never borrow for a party."),
    ("advice.norm_statement", "The meeting is at 4, and tell ur dad not to sign up for that app"),
    (
        "advice.peer_nudge",
        "Families in Madurai saved with the post office RD, your family can also.",
    ),
    (
        "advice.softened_suggestion",
        "¡Buena su historia! Nada más falta que abra su cuenta, ¿verdad?",
    ),
    (
        "advice.softened_suggestion",
        "Qué bien la encuesta! Ahora imaginate si separás mil por semana.",
    ),
    ("advice.imperative", "Los de la tabacalera pagan poco; no aceptés menos de 200 el día."),
    # round 37
    (
        "advice.softened_suggestion",
        "Tranqui con los gastos este mes, que el aguinaldo llega en diciembre.",
    ),
    ("advice.softened_suggestion", "Ese préstamo de la financiera, mejor ni lo firme."),
    ("advice.peer_nudge", "Great survey! Now if you'd just start putting the tips in the bank..."),
    ("advice.peer_nudge", "The tribe has emergency assistance. See if you qualify."),
    ("advice.peer_nudge", "The survey says no savings again. Even $5 a week adds up, you know?"),
    ("advice.imperative", "El colegio tiene beca para chicos de la comunidad, postule a su hijo."),
    ("advice.imperative", "Con la helada que viene, proteja sus animales de noche."),
    ("advice.warning", "Hermana, cuídese con ese señor que anda ofreciendo visas."),
    (
        "advice.model",
        "Doña Irma, está bien que ayude a su hermana, pero primero está la renta, ¿no cree?",
    ),
    # round 36
    (
        "advice.peer_nudge",
        "The Hendersons sold tomatoes and made $400. You've got the yard for it",
    ),
    (
        "advice.softened_suggestion",
        "Three families in Lira grew their savings, it's worth you joining one.",
    ),
    (
        "advice.peer_nudge",
        "You saved 2,000 last month, imagine if you did 3,000 this month!",
    ),
    ("advice.softened_suggestion", "Best you move the money from under the mattress to the bank."),
    ("advice.softened_suggestion", "Estimada familia, sugerimos no endeudarse con las mueblerías."),
    (
        "advice.softened_suggestion",
        "Una familia sembró palta y ganó más; no estaría mal que lo intentes.",
    ),
    ("advice.softened_suggestion", "Ese dolor no es normal, que la vea un médico esta semana."),
    ("advice.steering_question", "Is it really worth driving to Macon for that job?"),
    ("advice.imperative", "I'll drop the forms Tuesday. Meanwhile quit buying scratch-offs."),
    ("advice.imperative", "Quite los productos vencidos del estante antes de la inspección."),
    # round 35: a refusal that turns on "but" says it anyway; more nudges
    (
        "advice.softened_suggestion",
        "I'm not supposed to advise. But... the co-op seed is half price",
    ),
    (
        "advice.softened_suggestion",
        "Ya sabe que no puedo aconsejar... pero la cooperativa es buena",
    ),
    (
        "advice.softened_suggestion",
        "I can't tell you what to do, but the co-op seed is half price.",
    ),
    ("advice.softened_suggestion", "Yo le diría que termine de pagar el terreno antes de la moto."),
    (
        "advice.first_person_recommendation",
        "About the two loans, my honest opinion is the credit union.",
    ),
    ("advice.steering_question", "Is it really worth paying for cable when you have the phone?"),
    ("advice.peer_nudge", "A family in Jos sells zobo at the school gate now. You fit try am."),
    ("advice.peer_nudge", "The women in Doko bought a grinder. You and your co-wives can do same."),
    ("advice.second_person_modal", "Pa Sesay, mek yu nor gi dem man yu osusu moni."),
    ("advice.imperative", "Che, andá a la municipalidad a pedir la ayuda, ellos dan."),
    # round 34
    (
        "advice.model",
        "I can't tell you what to do, but I can tell you Mr. Cole lost his car that way.",
    ),
    ("advice.imperative", "Congrats on the job! Now open a 401k for your retirement."),
    ("advice.imperative", "nxt month try cut the uber eats"),
    ("advice.imperative", "Felicidades por la venta 🎉 La próxima súbale el precio."),
    ("advice.second_person_modal", "You should take the flood relief form from the block office."),
    (
        "advice.softened_suggestion",
        "The Mensahs roofed their house with susu money. Next it's your turn!",
    ),
    (
        "advice.peer_nudge",
        "Los de San Ramón renovaron el cafetal y sacaron el doble. Ya le toca a usted.",
    ),
    # round 33: a warning stands whatever report follows it; nudges after a report
    ("advice.warning", "Be careful with that money-doubling scheme, last year many families lost"),
    (
        "advice.warning",
        "Lo que le pasó a la familia Ruiz con el prestamista, que le sirva de ejemplo.",
    ),
    (
        "advice.softened_suggestion",
        "The Addo family started a susu and roofed a house. Maybe worth copying?",
    ),
    ("advice.softened_suggestion", "The savings group dey meet Friday. E go good for you to join."),
    (
        "advice.first_person_recommendation",
        "I will advise you to send the boys to the evening classes.",
    ),
    (
        "advice.first_person_recommendation",
        "We used the envelope method last year. Highly recommend!",
    ),
    ("advice.imperative", "Trabaja siete días. Descanse aunque sea el domingo."),
    ("advice.imperative", "Doña Rosa, aparte algo de la remesa para la escuela."),
    ("advice.second_person_modal", "Great survey! Next month you should pay down the card"),
    ("advice.second_person_modal", "u shud sell the goats b4 rainy season"),
    ("advice.second_person_modal", "Doña Rosa, debería abrir una cuenta de ahorro."),
    ("advice.imperative", "Call the WIC office, they'll help you with formula."),
    ("advice.imperative", "Take the kids to the clinic for the free checkup."),
    ("advice.imperative", "Don't put all the money in the business."),
    ("advice.imperative", "Pague primero la luz y luego lo demás."),
    ("advice.softened_suggestion", "Maybe try selling the tamales at church?"),
    ("advice.softened_suggestion", "It would be wise to keep the business money separate."),
    ("advice.softened_suggestion", "Le recomiendo que abra una cuenta para los niños."),
    ("advice.steering_question", "Have you thought about asking for more hours at work?"),
    ("advice.steering_question", "Wouldn't it be better to pay off the phone first?"),
    ("advice.if_i_were_you", "If I were you I'd take the forklift class."),
    ("advice.if_i_were_you", "Yo que usted no sacaría ese préstamo."),
    ("advice.warning", "Careful with payday loans, the interest will eat you alive."),
    ("advice.referral", "Just a thought: the community college does free tax prep."),
    ("advice.peer_nudge", "The Lee family saved a lot buying in bulk, you could do the same!"),
    ("advice.peer_nudge", "La familia Gómez hizo una tanda, usted debería hacer lo mismo."),
    # categories generalized after held-out rounds 2 and 3
    ("advice.softened_suggestion", "You might want to cancel a couple of those subscriptions."),
    ("advice.second_person_modal", "gotta get that card paid off b4 the rate jumps"),
    ("advice.second_person_modal", "ngl u need a side hustle fr"),
    ("advice.warning", "Gas prices go up every summer, so fill the cans now."),
    ("advice.warning", "Va a subir la gasolina, entonces llenen el tanque hoy."),
    ("advice.steering_question", "How about putting the refund into savings?"),
    ("advice.softened_suggestion", "It's really important that you talk to a lawyer."),
    ("advice.first_person_recommendation", "I want to encourage you to send Junior to school."),
    ("advice.imperative", "¡Qué bien su encuesta! Ahora a ahorrar para la casa."),
    ("advice.softened_suggestion", "Lo ideal sería que abrieran una cuenta para cada hijo."),
    ("advice.if_i_were_you", "Si yo estuviera en su lugar, no firmaría ese contrato."),
    ("advice.make_sure", "Acuérdense de apartar algo cada quincena para los útiles."),
    ("advice.peer_nudge", "The ladies in Ganta started a susu, you can join or start one too."),
    # commands with verbs no hand-made list names, recognised from the English dictionary
    ("advice.imperative", "Swap the cable package for a cheaper phone plan."),
    ("advice.imperative", "Funnel the tips into the kids' school fund."),
    ("advice.imperative", "Tuck away a little each week for uniforms."),
    ("advice.imperative", "Skimp on snacks, not on rent."),
    # generalized after held-out rounds 4 to 6
    ("advice.norm_statement", "The kids need to be in school every day."),
    ("advice.norm_statement", "Nobody should be taking payday loans, period."),
    ("advice.norm_statement", "Ese dinero de la cosecha es para el ahorro, no para el celular."),
    ("advice.warning", "Those buy-now-pay-later apps'll ruin you."),
    ("advice.steering_question", "Why are you still paying for that storage unit?"),
    ("advice.softened_suggestion", "¿Para qué pagar plan si la recarga sale a la mitad?"),
    ("advice.second_person_modal", "You for register the shop with the assembly."),
    ("advice.second_person_modal", "Ahora toca bajarle a los domicilios."),
    ("advice.softened_suggestion", "One idea is to split a membership with your sister."),
    ("advice.softened_suggestion", "Sale más barato hacer las tortillas en casa que comprarlas."),
    ("advice.if_i_were_you", "Si fuera vos cobraría más por los arreglos."),
    ("advice.imperative", "when u come 2moro bring ID + sign up 4 the WIC thing downstairs"),
    ("advice.imperative", "Honestly? Drop the gym membership till things settle down."),
    ("advice.first_person_recommendation", "I'd stop giving credit to the neighbors."),
    # generalized after held-out rounds 9 to 11
    ("advice.referral", "Let me link you with a lady who makes soap, she can show you how."),
    ("advice.referral", "I went ahead and booked you an appointment with the budget coach."),
    ("advice.referral", "I'm calling the food bank to add your family to their list."),
    ("advice.referral", "Le puedo apartar una cita con la asesora de finanzas el martes."),
    ("advice.referral", "Yo la apunto para el taller de costura, empieza el lunes."),
    ("advice.softened_suggestion", "Honestly it's not right to keep lending your cousin money."),
    ("advice.softened_suggestion", "Just my two cents: the flea market booth isn't worth it."),
    ("advice.softened_suggestion", "No more payday loans, ok?"),
    ("advice.softened_suggestion", "Isn't it about time your son found his own apartment?"),
    ("advice.norm_statement", "No está bien que le sigas prestando a tu cuñado."),
    ("advice.imperative", "Apúntelo todo en una libretita, así sabe en qué se le va el gasto."),
    ("advice.imperative", "Denúncielo en la defensoría del consumidor."),
    ("advice.imperative", "Nunca firme un pagaré en blanco."),
    ("advice.imperative", "Súbale un poquito al precio de los tamales."),
    ("advice.imperative", "Do not sign anything the debt collector sends."),
    # generalized after held-out rounds 12 and 13
    ("advice.imperative", "la remesa de su hijo guárdela en el banco, no en la casa"),
    ("advice.imperative", "doña Rosa ya vi lo del prestamo no compre nada fiado hasta terminar"),
    ("advice.imperative", "Let's get that payday loan paid off before the holidays."),
    ("advice.softened_suggestion", "I humbly request you to not withdraw the policy early."),
    ("advice.softened_suggestion", "When I was in your shoes I sold the car and took the bus."),
    ("advice.softened_suggestion", "Don Aurelio, sería prudente cerrar la tienda los lunes."),
    ("advice.norm_statement", "Si le sirve mi experiencia, yo dejé de mandarle dinero."),
    ("advice.norm_statement", "Que la Virgen le dé fuerzas para ir al médico esta semana."),
    ("advice.peer_nudge", "Unas familias ahorraron en grupo; ustedes también podrían."),
    ("advice.norm_statement", "señora Ana el niño necesita ir al centro de salud por esa tos"),
    # generalized after held-out round 14
    ("advice.first_person_recommendation", "I'd recommend keeping the group money in a bank."),
    ("advice.softened_suggestion", "Your call, but waiting on the surgery seems risky to me."),
    ("advice.softened_suggestion", "A budget app would make this so much easier for you."),
    ("advice.softened_suggestion", "Jasmine should look into dual enrollment."),
    ("advice.referral", "Si quiere, yo mismo le lleno la solicitud del subsidio de vivienda."),
    # generalized after held-out round 15
    ("advice.softened_suggestion", "prob best 2 switch banks, those overdraft fees r crazy"),
    ("advice.second_person_modal", "ur daughter needs 2 b in bed by 9 on school nights fr"),
    ("advice.peer_nudge", "y not ask ur mom 2 watch the baby instead of daycare? saves $$"),
    ("advice.softened_suggestion", "hmu if u want me 2 sign u up 4 the budgeting class"),
    ("advice.softened_suggestion", "In my opinion selling the buffalo now is not the right move."),
    ("advice.referral", "Puedo inscribirte en el taller de finanzas, ¿te anoto?"),
    ("advice.norm_statement", "Ahora a ver si este mes le baja a los gastos de celular."),
    # generalized after held-out round 16
    ("advice.imperative", "srsly call ur landlord b4 the 5th or theyll hit u w a late fee"),
    ("advice.softened_suggestion", "imo ditch the gym membership till the debt is down"),
    ("advice.peer_nudge", "Amma, the SHG in your lane gives loans at 1%. You also join, no?"),
    ("advice.peer_nudge", "the Reyes fam saved $200 cookin at home, u cn do it 2!!"),
    ("advice.norm_statement", "Los niños tienen que estar en la escuela todos los días."),
    # generalized after held-out round 17
    ("advice.first_person_recommendation", "idk ur situation but id def move closer 2 ur moms"),
    ("advice.steering_question", "hv u thot abt daycare at the church? its cheap"),
    ("advice.imperative", "God bless. Please try and register Kofi for the NHIS before the term."),
    # generalized after held-out round 18
    ("advice.norm_statement", "Todo padre debe revisar las tareas de sus hijos cada noche."),
    ("advice.softened_suggestion", "What is stopping you from taking the helper job?"),
    # generalized after held-out round 19
    ("advice.imperative", "chk if ur eligible 4 snap, u prob r"),
    ("advice.softened_suggestion", "Instead of the moneylender, you may approach the SHG."),
    # generalized after held-out round 20 (heldout21 and heldout22)
    ("advice.warning", "that betting site is a trap, delete it"),
    ("advice.if_i_were_you", "Lo que yo haría es vender el puerco antes de diciembre."),
    ("advice.counselling", "El jueves traiga sus facturas para que veamos cómo bajar los gastos."),
    ("advice.imperative", "No te salgas del colegio, aguanta hasta terminar el semestre."),
    ("advice.imperative", "Léale cuentos a la niña antes de dormir."),
    ("advice.imperative", "Ahora mándalo a clases de inglés, que aprende rápido."),
    ("advice.softened_suggestion", "Isn't it time the boys found proper jobs?"),
    ("advice.softened_suggestion", "Is it wise to lend your brother the rent money again?"),
    ("advice.softened_suggestion", "You know what would help? A savings box for the coins."),
    # generalized after held-out round 21 (heldout23 to heldout30)
    ("advice.referral", "I fit book you with the extension officer when he comes on Friday."),
    ("advice.referral", "want me 2 txt the lady at legal aid? she can help w the eviction"),
    ("advice.referral", "Si quiere le hago la cita en el IMSS para que le revisen la rodilla."),
    ("advice.steering_question", "Why pay more at the kiosk with a family of six?"),
    ("advice.steering_question", "How come you haven't applied for the fertilizer subsidy yet?"),
    ("advice.first_person_recommendation", "It's your call, but I wouldn't lend him more money."),
    ("advice.first_person_recommendation", "The church may help. I'd go see Pastor tomorrow."),
    ("advice.if_i_were_you", "Esa tanda de la vecina no me da confianza, la verdad. Yo me saldría"),
    (
        "advice.softened_suggestion",
        "¡Buenísimo lo de la encuesta! Ahora a guardar esos mangos, eh.",
    ),
    ("advice.imperative", "Stipend went out today! Put it straight in the savings box."),
    ("advice.second_person_modal", "Che, la vaca está flaca. Tenés que darle balanceado."),
    ("advice.counselling", "Bring the letter so we can figure out how you fight the rent hike."),
    # generalized after held-out round 22 (heldout31 and heldout32)
    ("advice.softened_suggestion", "If you put the mangoes by the door they'd sell faster."),
    (
        "advice.softened_suggestion",
        "Merry Christmas! May the year bring you the sense to quit betting.",
    ),
    (
        "advice.softened_suggestion",
        "congrats on the promo!! now is the time to start an emergency fund",
    ),
    (
        "advice.softened_suggestion",
        "A family in Tamale bought a mill with their susu. An idea for you?",
    ),
    # generalized after held-out round 25 (heldout39 to heldout42): "you ever looked into",
    # "I hope you will", "better he apply"
    ("advice.steering_question", "You ever looked into LIHEAP? They do walk-ins on Tuesdays."),
    ("advice.softened_suggestion", "I hope you will use the stipend for the school fees."),
    ("advice.softened_suggestion", "Since your son finished ITI, better he apply at the factory."),
    ("advice.make_sure", "Ojalá ahorre más este mes."),
    # generalized after held-out round 26 (heldout43 to heldout46): offers to connect, the
    # liaison's own story told as a model
    ("advice.referral", "I know a lady in the housing office, shall I connect you?"),
    (
        "advice.first_person_recommendation",
        "As for the yam, I would store some and sell in March when price dey go up.",
    ),
    # generalized after held-out round 28 (heldout51 to heldout54)
    (
        "advice.if_i_were_you",
        "If I were you I'll start selling pure water from the house, many people pass there.",
    ),
    ("advice.steering_question", "Thought about gettin your GED through the community college?"),
    (
        "advice.softened_suggestion",
        "The Opiyo group put their VSLA money in a plough. Something to discuss with your group",
    ),
    ("advice.softened_suggestion", "The Goodwill has a job fair Tuesday, worth going."),
    (
        "advice.steering_question",
        "Ya es tiempo de vacunarlo contra la rabia, el técnico pasa el martes.",
    ),
    (
        "advice.referral",
        "Unas familias armaron una cooperativa. Podrías sumarte, te paso el contacto.",
    ),
    (
        "advice.make_sure",
        "Congs for the new baby! Remember to go for postnatal at the regional hospital.",
    ),
    # generalized after held-out round 29 (heldout55 to heldout58)
    ("advice.second_person_modal", "Inshallah you will think about the ESL class at the library."),
    (
        "advice.imperative",
        "Honestly, the loan app you mentioned is dangerous, close it and delete it.",
    ),
    ("advice.referral", "I know a guy who does taxes free, want me to pass him ur number?"),
    ("advice.referral", "Te conecto con un señor que enseña a criar mojarra, ¿quieres?"),
    (
        "advice.softened_suggestion",
        "As for me, when I started my provision shop I joined adashe with my church women and"
        " it carried me. Just telling you.",
    ),
    ("advice.if_i_were_you", "If I were you I'd leave that job."),
    ("advice.imperative", "Mire, no coja fiado en el colmado este mes, que después se amontona."),
    (
        "advice.imperative",
        "The survey shows the children missed school. Send them tomorrow, education is key.",
    ),
]

BEST_PRACTICE = [
    # the other family's story on the feed, after a report of what they did
    "Unas tejedoras de Manaure venden sus mochilas por Instagram. Su historia está en el muro.",
    "A family in Monrovia doubled their sales after pooling money to buy a freezer.",
    "Families in the Riverside group started a savings circle; their post is in the feed.",
    "Unas familias de Fresno hicieron un intercambio de ropa, las fotos están en la app.",
    "Feed highlight: a neighbor group raised $600 for a member's car repair in one week.",
    "fyi the reeds on 29th st paid off their payday loan using the tax refund. its on the feed",
    "the browns switched 2 a $15 phone plan n said it was the best thing they did all yr",
    "La familia Torres dejó al prestamista; paga la mitad de intereses, contó en su historia.",
    "btw u asked what others did w the utility bill - Maria's fam got on budget billing",
    "FYI, one of the households in your group got dental work done through the mobile clinic.",
    "Una familia de Huehuetenango deposita la remesa en la cooperativa y cuenta que se sienten"
    " más tranquilos.",
    # reports that sit beside group news words (round 32): a count of families with a result,
    # a new baby's name on a card, "su publicación" after another family
    "Across the Bomi groups, 12 of 30 families now have a child in the reading club.",
    "Our Kisumu group families started a grain bank: each gives 2 kg a month.",
    "Unas familias de Mitla comparten un horno. Según su publicación, gastan menos leña.",
    "Una familia de Tucson empezó a cuidar niños en su casa y ya tiene cuatro niños inscritos.",
    "The Nair family got the ration card updated with the new baby's name and now get more rice.",
    "Our group in Jos has 9 households now contributing to one school-fees fund.",
    "Los de Yanahuara subieron su historia, ya está en la app.",
    # round 39: a time clause is no warning, "cost them" no command, a name and her kin report
    "Cinco familias de Rabinal secan juntas el café y lo venden cuando sube el precio.",
    "Some families in Hazard pooled money for a chest freezer. Cost them half of store price.",
    "fyi maria n her sister started selling tamales at the games, made $300 in two weeks.",
    "Una familia de Tandil, en el barrio Centro, hace dulce de leche; dicen que sacan $40.000.",
    # round 40: what worked for others, "hasta que sube el precio"
    "Lo que mejor le funcionó al grupo de Cobán fue dejar de fiar; lo contaron en el muro.",
    "Unas familias de Olancho guardan el frijol en un silo hasta que sube el precio.",
    # round 41: a family named in two words, "maybe you heard already", "they decided they should"
    "The Iron Horse family opened a taco stand in Gallup and it's busy every Friday.",
    "Maybe you heard already: the Two Bulls family started a firewood business, it's on the feed.",
    "Women in the Ho group decided they should stop buying on credit; 6 of 8 cleared their debts.",
    # round 42: a savings group or a co-op joined is a practice, girls enrolled in school a result
    "Three families joined the savings group and now put away $20 a week.",
    "Families in Kassena joined the SACCO as a group and got a loan for a grinding mill.",
    "Women in the Bawku group sent their daughters back to school; 9 girls are now enrolled.",
]

# Reports the rules read right but the advice model blocks since round 32 ("works out cheaper"
# reads to it as a recommendation); best practice wrongly blocked stays well under 10%.
RULES_ONLY_BEST_PRACTICE = [
    "The Banguras buy rice by the bag with two neighbors, and it works out cheaper per month.",
]


@pytest.mark.parametrize("text", RULES_ONLY_BEST_PRACTICE)
def test_rules_read_reports_the_model_blocks(text: str) -> None:
    verdict = evaluate_liaison_message(Phase.TWO, text, use_model=False)
    assert verdict.category is Category.BEST_PRACTICE and verdict.allowed


# Reports the rules read right but the report model (round 44) takes for news: "lo mejor que
# hizo fue…" reads to it like a survey answer. Phase II lets them through either way; phase I,
# which should hold them back, lets them through too (about 0.1% of reports by cross-validation).
REPORTS_TAKEN_FOR_NEWS = [
    "Doña Mari, de Tuxpan, dice que lo mejor que hizo fue dejar el celular a plazos.",
]


@pytest.mark.parametrize("text", REPORTS_TAKEN_FOR_NEWS)
def test_rules_read_reports_the_report_model_takes_for_news(text: str) -> None:
    rules = evaluate_liaison_message(Phase.ONE, text, use_model=False)
    assert rules.category is Category.BEST_PRACTICE and not rules.allowed
    assert evaluate_liaison_message(Phase.TWO, text).allowed


# App help the rules must pass but the advice model still blocks (it weighs "you should"
# heavily); kept here so the rules part stays right while the model is improved.
RULES_ONLY_TRAPS = [
    # the advice model retrained in round 39 blocks this one ("i'd", "stop", "save")
    "I'd recommend using the 'Save draft' button if you have to stop halfway.",
    # and, since round 40, a survey question's meaning that names money put aside; since 41,
    # what the income question wants and a stipend left with someone
    "Be sure to give the income for the whole house, not only yours.",
    "Your stipend envelope is at the clinic, Nurse Grace has it for you.",
    "Question 6 about 'savings' means any money put aside, at home too. Put it all in.",
    # the advice model (rounds 35 and 38) blocks these neutral messages the rules pass
    "El bono se paga el martes en la alcaldía. Traiga su identidad.",
    "Try taking the photo without flash, the bill is shining too much.",
    "La familia Ruiz trajo la comida el domingo; la próxima le toca a la familia Soria.",
    "Ok noted, you'll pay the rent in two parts. I've put that in your plan.",
    "Su plan dice: ahorrar 100 pesos por semana para diciembre. ¿Lo dejo así?",
    "Just saying thank you for sending everything early 🙏",
    "Thank you for being so honest about the debt. That really helps the whole program.",
    # the advice model reads "take your time" as advice (since round 33)
    "Welcome to the program! Your first survey is in. Please take your time with the next one.",
    "You should see a pop-up asking for your code.",
    "When I visited the Kamaras they had started a susu and saved a lot. Just sharing!",
    "pls double check the savings #, looks like an extra 0",
    "I would advise you that the office will be closed Monday for the holiday.",
    "Stipend checks go out the 15th. If you don't have a bank account, you can pick yours up at"
    " the chapter office.",
    "En la pregunta de deudas, ponga también lo que le debe a la tienda de la esquina.",
    "Yo le mandaría el link mañana temprano.",
    "Oiga, ¿dejó en blanco lo de ahorros? Aunque sea ponga 0 si no tiene.",
]


# The family's own words said back to them are not the liaison's direction (round 33); the
# advice model, which reads words and not who said them, may still block the first.
REPORTED_SPEECH = [
    "You told me you might sell the goat. I only need to know if you sold it this month.",
    "Usted me dijo que debería vender el terreno. ¿Ya lo vendió?",
    "Survey question 12 asks if you should have asked for help sooner. Yes or no is fine.",
    # the family's story telling what they told someone (round 39)
    "Your story says you told your sister she should stop lending money. Can I share that part?",
    "Su historia cuenta que le dijo a su hijo que no firmara nada. ¿Lo dejamos así?",
    "Just want to make sure I heard you right: you sold the goats because of the drought?",
]


@pytest.mark.parametrize("text", REPORTED_SPEECH)
def test_rules_do_not_read_reported_speech_as_direction(text: str) -> None:
    verdict = evaluate_liaison_message(Phase.ONE, text, use_model=False)
    assert verdict.allowed, verdict.reasons


@pytest.mark.parametrize("text", RULES_ONLY_TRAPS)
def test_rules_pass_app_help_the_model_still_blocks(text: str) -> None:
    verdict = evaluate_liaison_message(Phase.TWO, text, use_model=False)
    assert verdict.allowed, verdict.reasons


# Indian English with Hindi in Latin letters (round 25): the verb comes last. Without a hint a
# text with no English or Spanish word is "und" and blocked as unchecked, so these say "en".
HINDI_ENGLISH_ADVICE = [
    ("advice.imperative", "Pehle EMI clear karo warna penalty lagega"),
    ("advice.imperative", "RTE quota mein form bharo, private school mein free seat mil sakti hai"),
    ("advice.imperative", "Diwali mein udhaar leke shopping mat karna this time"),
    ("advice.imperative", "iron tablets from anganwadi lena mat bhoolna, pregnancy me zaroori hai"),
    ("advice.second_person_modal", "aap ko ration card update karwa lena chahiye"),
    ("advice.imperative", "Saree business ke liye online bhi daal do, Meesho pe log bech rahe"),
    ("advice.imperative", "Aap committee wali BC mein paisa mat daaliye is baar"),
    ("advice.imperative", "Rumpa ke tuition ta bondho korben na, board exam samne."),
]
HINDI_ENGLISH_APP_HELP = [
    # a noun before a Hindi postposition is no command (round 41)
    "Suresh bhai, rent wale sawaal mein 5,000 likha hai. Sahi hai?",
    "Didi survey mein rent ka amount check karo, 1500 likha hai ya 15000?",
    "Survey submit kar dijiye Friday tak.",
    "Receipt ki photo blurry hai, dobara le lo please",
    "App update kar lo, phir login karo.",
    "Bhaiya ji, aapki story feed pe daal di hai. Dekh lijiye sahi hai ya nahi",
    "Photo of the bill is not clear, please dobara click karke bhejiye.",
    "Photo of the electricity bill upload nahi hua. Ek baar phir try kijiye.",
    "Photo mein bill ka amount nahi dikh raha. Ek baar aur bhej dijiye please.",
]


@pytest.mark.parametrize(("rule_id", "text"), HINDI_ENGLISH_ADVICE)
def test_hindi_commands_in_indian_english_are_advice(rule_id: str, text: str) -> None:
    verdict = evaluate_liaison_message(Phase.TWO, text, language="en", use_model=False)
    assert not verdict.allowed and rule_id in {r.rule_id for r in verdict.reasons}


@pytest.mark.parametrize("text", HINDI_ENGLISH_APP_HELP)
def test_hindi_commands_about_the_app_pass(text: str) -> None:
    assert evaluate_liaison_message(Phase.TWO, text, language="en").allowed


@pytest.mark.parametrize(
    "text", ["de lo que pasó con el casero", "el gasto de leña a la mitad", "dos mil lo pagó"]
)
def test_spanish_words_are_not_hindi_commands(text: str) -> None:
    assert evaluate_liaison_message(Phase.TWO, text, language="es", use_model=False).allowed


@pytest.mark.parametrize("text", TRAPS)
@pytest.mark.parametrize("phase", list(Phase))
def test_traps_are_neutral_and_allowed(text: str, phase: Phase) -> None:
    verdict = evaluate_liaison_message(phase, text)
    assert verdict.category is Category.NEUTRAL, verdict.reasons
    assert verdict.allowed


@pytest.mark.parametrize(("rule_id", "text"), ADVICE_BY_RULE)
@pytest.mark.parametrize("phase", list(Phase))
def test_advice_rules_block_with_reason(rule_id: str, text: str, phase: Phase) -> None:
    verdict = evaluate_liaison_message(phase, text)
    assert not verdict.allowed
    assert verdict.category is Category.ADVICE
    assert rule_id in {reason.rule_id for reason in verdict.reasons}
    for reason in verdict.reasons:
        assert reason.span == text[reason.start : reason.end]
        assert reason.span.strip() and reason.explanation


@pytest.mark.parametrize("text", BEST_PRACTICE)
def test_best_practice_allowed_only_in_phase_two(text: str) -> None:
    one = evaluate_liaison_message(Phase.ONE, text)
    two = evaluate_liaison_message("II", text)
    assert one.category is two.category is Category.BEST_PRACTICE
    assert two.allowed and not one.allowed
    assert "phase.best_practice_in_phase_one" in {r.rule_id for r in one.reasons}
    assert any(r.rule_id.startswith("best_practice.") for r in two.reasons)


def test_declared_intent_never_lets_advice_through() -> None:
    verdict = evaluate_liaison_message(
        Phase.TWO, "Great survey! Next month you should pay down the card", intent="logistics"
    )
    assert not verdict.allowed
    assert verdict.declared_intent is Intent.LOGISTICS


def test_declared_best_practice_in_phase_one_is_blocked() -> None:
    verdict = evaluate_liaison_message(Phase.ONE, "Meeting at 6.", intent=Intent.BEST_PRACTICE)
    assert not verdict.allowed
    assert verdict.reasons[-1].rule_id == "phase.best_practice_in_phase_one"


def test_explanations_follow_language() -> None:
    verdict = evaluate_liaison_message(Phase.ONE, "Ahorre el dinero del apoyo.", language="es-MX")
    assert verdict.language == "es" and verdict.language_supported
    assert "familia" in verdict.reasons[0].explanation


def test_unsupported_language_is_blocked() -> None:
    verdict = evaluate_liaison_message(Phase.TWO, "Merci pour le formulaire.", language="fr")
    assert not verdict.allowed and not verdict.language_supported
    assert verdict.reasons[-1].rule_id == "language.unsupported"


def test_empty_text_is_neutral() -> None:
    for text in ("", "   \n\t"):
        verdict = evaluate_liaison_message(Phase.ONE, text)
        assert verdict.allowed and verdict.category is Category.NEUTRAL


def test_invalid_phase_raises_value_error() -> None:
    with pytest.raises(ValueError, match="phase"):
        evaluate_liaison_message("III", "hello")


# --- properties -------------------------------------------------------------------------

DIRECTIVES = [
    "you should",
    "u shud",
    "you need to",
    "you must",
    "you'd better",
    "maybe",
    "why don't you",
    "I'd recommend you",
    "have you thought about",
    "kindly",
    "",
]
LIFE_ACTIONS = [
    "pay off the credit card",
    "save the money for school fees",
    "sell the goats at the market",
    "buy the rice now",
    "open a savings account",
    "take the kids to the clinic",
    "ask your boss for more hours",
    "quit that job",
    "put the stipend into savings",
    "borrow from the moneylender",
]
ES_ADVICE = ["debería {}", "le recomiendo {}", "tiene que {}", "¿por qué no {}?", "mejor {}"]
ES_ACTIONS = [
    "ahorrar para la escuela de los niños",
    "vender las tortillas en el mercado",
    "pagar la tarjeta de crédito",
    "comprar el maíz ahora",
]

generated_advice = st.one_of(
    st.builds(
        lambda d, a: f"{d} {a}.".strip(), st.sampled_from(DIRECTIVES), st.sampled_from(LIFE_ACTIONS)
    ),
    st.builds(
        lambda t, a: t.format(a) + ".", st.sampled_from(ES_ADVICE), st.sampled_from(ES_ACTIONS)
    ),
)
advice_texts = st.sampled_from(DEV_ADVICE) | generated_advice if DEV_ADVICE else generated_advice
phases = st.sampled_from([*list(Phase), "I", "II"])
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "text",
    [f"{d} {a}.".strip() for d in DIRECTIVES for a in LIFE_ACTIONS]
    + [t.format(a) + "." for t in ES_ADVICE for a in ES_ACTIONS],
)
def test_every_generated_advice_is_blocked(text: str) -> None:
    # all of them, not a sample: the model may clear a guess, never one of these
    assert not evaluate_liaison_message(Phase.TWO, text).allowed


@fast
@given(phase=phases, text=advice_texts)
def test_advice_is_never_allowed(phase: Phase | str, text: str) -> None:
    assert not evaluate_liaison_message(phase, text).allowed


@fast
@given(text=st.text(max_size=200) | st.sampled_from(BEST_PRACTICE + TRAPS))
def test_phase_one_allows_only_neutral(text: str) -> None:
    verdict = evaluate_liaison_message(Phase.ONE, text)
    if verdict.allowed:
        assert verdict.category is Category.NEUTRAL


@fast
@given(
    advice=advice_texts,
    neutral=st.sampled_from(DEV_NEUTRAL or TRAPS),
    before=st.booleans(),
    phase=phases,
)
def test_neutral_padding_never_hides_advice(
    advice: str, neutral: str, before: bool, phase: Phase | str
) -> None:
    if not neutral.rstrip().endswith((".", "!", "?")):
        neutral = neutral.rstrip() + "."  # a *sentence* is appended, so it ends like one
    text = f"{neutral} {advice}" if before else f"{advice} {neutral}"
    assert not evaluate_liaison_message(phase, text).allowed


@fast
@given(
    text=st.text(max_size=300),
    phase=phases,
    language=st.sampled_from([None, "en", "es", "es-MX", "fr", "xx"]),
)
def test_deterministic_total_and_spans_match(
    text: str, phase: Phase | str, language: str | None
) -> None:
    first = evaluate_liaison_message(phase, text, language=language)
    assert first == evaluate_liaison_message(phase, text, language=language)
    for reason in first.reasons:
        assert 0 <= reason.start <= reason.end <= len(text)
        assert reason.span == text[reason.start : reason.end]


@fast
@given(text=advice_texts, language=st.sampled_from(["fr", "de", "pt-BR", "und"]))
def test_unsupported_language_never_allows_advice(text: str, language: str) -> None:
    verdict = evaluate_liaison_message(Phase.TWO, text, language=language)
    assert not verdict.allowed and not verdict.language_supported


@pytest.mark.parametrize(
    "text", ["\x00" * 50, "🙂" * 500, "a" * 10_000, "you should " * 1000, "¿" * 300 + "deberia"]
)
def test_odd_inputs_do_not_crash(text: str) -> None:
    verdict = evaluate_liaison_message(Phase.ONE, text)
    assert isinstance(verdict.allowed, bool)


# --- quality on the labelled dev set ----------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_dev_set_quality(lang: str) -> None:
    rows = [row for row in DEV if row["lang"] == lang]
    for phase in Phase:
        verdicts = [
            (row["label"], evaluate_liaison_message(phase, row["text"], language=lang))
            for row in rows
        ]
        advice = [v for label, v in verdicts if label == "advice"]
        neutral = [v for label, v in verdicts if label == "neutral"]
        recall = sum(not v.allowed for v in advice) / len(advice)
        false_block = sum(not v.allowed for v in neutral) / len(neutral)
        assert recall >= 0.95, (phase, recall)
        assert false_block <= 0.05, (phase, false_block)


def test_padding_every_dev_advice_with_every_dev_neutral_sentence() -> None:
    """The exhaustive version of the property above, over the whole labelled set. The rules
    alone are enough here: the advice model only ever adds blocks (test_rules_model.py)."""
    sentences = [
        n.rstrip() if n.rstrip().endswith((".", "!", "?")) else n.rstrip() + "."
        for n in DEV_NEUTRAL
    ]
    passed = [
        (advice, sentence)
        for advice in DEV_ADVICE
        for sentence in sentences
        for text in (f"{sentence} {advice}", f"{advice} {sentence}")
        if evaluate_liaison_message(Phase.TWO, text, use_model=False).allowed
    ]
    assert passed == []
